import type { Card, Column } from '../api/types'

// The board as the person dragging sees it: card order per column, applied at once (optimistic),
// with enough remembered about each card in flight to put it back if the server says no.

export type Order = Record<string, string[]>

interface Origin {
  column: string
  index: number
  card: Card
}

export interface BoardState {
  order: Order
  cards: Record<string, Card>
  /** Cards being dragged or whose move the server has not answered yet, with where they came from. */
  pending: Record<string, Origin>
}

export type BoardAction =
  | { type: 'load'; columns: Column[]; cards: Card[]; byPosition: boolean }
  | { type: 'begin'; cardId: string }
  | { type: 'place'; cardId: string; column: string; index: number }
  | { type: 'confirm'; card: Card }
  | { type: 'rollback'; cardId: string }

export const emptyBoard: BoardState = { order: {}, cards: {}, pending: {} }

/** Compares fractional-index keys bytewise, like the column's COLLATE "C". */
export function byPositionKey(a: Card, b: Card): number {
  if (a.position === b.position) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  return a.position < b.position ? -1 : 1
}

export function layout(columns: Column[], cards: Card[], byPosition: boolean): Order {
  const order: Order = {}
  for (const c of columns) order[c.id] = []
  const list = byPosition ? [...cards].sort(byPositionKey) : cards
  for (const card of list) order[card.column_id]?.push(card.id)
  return order
}

export function locate(order: Order, cardId: string): { column: string; index: number } | null {
  for (const [column, ids] of Object.entries(order)) {
    const index = ids.indexOf(cardId)
    if (index >= 0) return { column, index }
  }
  return null
}

function place(state: BoardState, cardId: string, column: string, index: number): BoardState {
  const from = locate(state.order, cardId)
  const target = state.order[column]
  const card = state.cards[cardId]
  if (!from || !target || !card) return state
  const order = { ...state.order, [from.column]: state.order[from.column]!.filter((id) => id !== cardId) }
  const ids = [...order[column]!]
  ids.splice(Math.max(0, Math.min(index, ids.length)), 0, cardId)
  order[column] = ids
  const cards = card.column_id === column ? state.cards : { ...state.cards, [cardId]: { ...card, column_id: column } }
  return { ...state, order, cards }
}

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'load': {
      // Server data never overwrites a move still in flight; the caller reloads once it settles.
      if (Object.keys(state.pending).length > 0) return state
      const cards: Record<string, Card> = {}
      for (const c of action.cards) cards[c.id] = c
      return { order: layout(action.columns, action.cards, action.byPosition), cards, pending: {} }
    }
    case 'begin': {
      if (state.pending[action.cardId]) return state
      const at = locate(state.order, action.cardId)
      const card = state.cards[action.cardId]
      if (!at || !card) return state
      return { ...state, pending: { ...state.pending, [action.cardId]: { ...at, card } } }
    }
    case 'place':
      return place(state, action.cardId, action.column, action.index)
    case 'confirm': {
      const { [action.card.id]: _done, ...pending } = state.pending
      return { ...state, cards: { ...state.cards, [action.card.id]: action.card }, pending }
    }
    case 'rollback': {
      const origin = state.pending[action.cardId]
      if (!origin) return state
      const back = place(state, action.cardId, origin.column, origin.index)
      const { [action.cardId]: _gone, ...pending } = back.pending
      return { ...back, cards: { ...back.cards, [action.cardId]: origin.card }, pending }
    }
  }
}

/** Whether the card ended somewhere other than where its drag started. */
export function hasMoved(state: BoardState, cardId: string): boolean {
  const origin = state.pending[cardId]
  const now = locate(state.order, cardId)
  return !!origin && !!now && (origin.column !== now.column || origin.index !== now.index)
}

/**
 * Where to tell the API the card now sits: before its next neighbour, or after its previous one
 * when it is last, or nothing in an empty column. Neighbours are the cards shown, which with a
 * filter on is still a correct relative place.
 */
export interface Placement {
  column_id: string
  before_id?: string
  after_id?: string
}

export function placement(order: Order, cardId: string): Placement | null {
  const at = locate(order, cardId)
  if (!at) return null
  const ids = order[at.column]!
  const next = ids[at.index + 1]
  const prev = ids[at.index - 1]
  if (next) return { column_id: at.column, before_id: next }
  if (prev) return { column_id: at.column, after_id: prev }
  return { column_id: at.column }
}
