import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Card, CardPage } from '../api/types'
import type { CardFilter } from '../api/endpoints'

// The board's cards live in the query cache, one paged list per column (keys.columnCards).
// A move, a live update or a rollback patches the pages of the columns it touches, in place:
// nothing refetches the board, and the other columns' data (and tiles) stay the same objects.

export type ColumnData = InfiniteData<CardPage, unknown>

/** Compares fractional-index keys bytewise, like the column's COLLATE "C". */
export function byPositionKey(a: Card, b: Card): number {
  if (a.position === b.position) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  return a.position < b.position ? -1 : 1
}

export function loadedCards(data: ColumnData | undefined): Card[] {
  return data ? data.pages.flatMap((p) => p.items) : []
}

export function totalOf(data: ColumnData | undefined): number {
  return data?.pages[0]?.total ?? 0
}

export function hasMore(data: ColumnData | undefined): boolean {
  return !!data?.pages.at(-1)?.next_cursor
}

export function withTotal(data: ColumnData, total: number): ColumnData {
  return { ...data, pages: data.pages.map((p) => ({ ...p, total: Math.max(0, total) })) }
}

/** The column without the card (and its total one less when it was there). */
export function removeCard(data: ColumnData, cardId: string): ColumnData {
  const p = data.pages.findIndex((page) => page.items.some((c) => c.id === cardId))
  const page = data.pages[p]
  if (!page) return data
  const pages = [...data.pages]
  pages[p] = { ...page, items: page.items.filter((c) => c.id !== cardId) }
  return withTotal({ ...data, pages }, totalOf(data) - 1)
}

/** The column with the card at `index` of its loaded cards (0 first; past the end: last loaded), total one more. */
export function insertCard(data: ColumnData, card: Card, index: number): ColumnData {
  const pages = [...data.pages]
  let at = Math.max(0, index)
  let p = 0
  while (p < pages.length - 1 && at > pages[p]!.items.length) {
    at -= pages[p]!.items.length
    p++
  }
  const page = pages[p]
  if (!page) return data
  const items = [...page.items]
  items.splice(Math.min(at, items.length), 0, card)
  pages[p] = { ...page, items }
  return withTotal({ ...data, pages }, totalOf(data) + 1)
}

/** The column with the card's data replaced where it is (nothing when it is not loaded). */
export function replaceCard(data: ColumnData, card: Card): ColumnData {
  const p = data.pages.findIndex((page) => page.items.some((c) => c.id === card.id))
  const page = data.pages[p]
  if (!page) return data
  const pages = [...data.pages]
  pages[p] = { ...page, items: page.items.map((c) => (c.id === card.id ? card : c)) }
  return { ...data, pages }
}

/**
 * The column in board order with the card where its position puts it, when that place is
 * among the loaded cards (or everything is loaded); a card that sorts after the last loaded
 * one is only counted, and comes with the page that holds it.
 */
export function placeByPosition(data: ColumnData, card: Card): ColumnData {
  const without = removeCard(data, card.id)
  const cards = loadedCards(without)
  const index = cards.findIndex((c) => byPositionKey(card, c) < 0)
  if (index < 0 && hasMore(without)) return withTotal(without, totalOf(without) + 1)
  return insertCard(without, card, index < 0 ? cards.length : index)
}

/** The board's filters are what a column's cache holds in board order without narrowing. */
function isPlainBoardOrder(f: CardFilter): boolean {
  return !f.q && !f.kind && !f.label && !f.owner && (f.sort ?? 'position') === 'position'
}

interface ColumnQuery {
  columnId: string
  filter: CardFilter
}

function columnQueries(qc: QueryClient, boardId: string): { key: readonly unknown[]; q: ColumnQuery }[] {
  return qc
    .getQueryCache()
    .findAll({ queryKey: ['cards', boardId, 'column'] })
    .map((query) => ({ key: query.queryKey, q: { columnId: String(query.queryKey[3]), filter: query.queryKey[4] as CardFilter } }))
}

/**
 * Applies a change of one card that someone (this person or another, through live updates)
 * made: every cached column of the board in board order is patched in place, and a filtered
 * or re-sorted list, whose membership only the server can tell, is marked stale and refetched
 * if it is on screen (`refetch: false`: only marked stale). `card: null` means the card is gone
 * (deleted, archived or merged). `skip` names keys (JSON) the caller has patched itself.
 */
export function applyCardChange(
  qc: QueryClient,
  boardId: string,
  cardId: string,
  card: Card | null,
  { skip = [], refetch = true }: { skip?: string[]; refetch?: boolean } = {},
) {
  for (const { key, q } of columnQueries(qc, boardId)) {
    const data = qc.getQueryData<ColumnData>(key)
    if (!data || skip.includes(JSON.stringify(key))) continue
    if (!isPlainBoardOrder(q.filter)) {
      void qc.invalidateQueries({ queryKey: key, exact: true, refetchType: refetch ? 'active' : 'none' })
      continue
    }
    const live = card && !card.archived_at && !card.merged_into_id ? card : null
    const next = live && live.column_id === q.columnId ? placeByPosition(data, live) : removeCard(data, cardId)
    if (next !== data) qc.setQueryData<ColumnData>(key, next)
  }
}

/** Where a card being dragged is shown: taken out of `from`, put at `index` of `to`'s other cards. */
export interface DragView {
  card: Card
  from: string
  fromIndex: number
  to: string
  index: number
}

/** A column's cards as shown while a card is dragged (the same array when the drag is elsewhere). */
export function shownCards(base: Card[], columnId: string, drag: DragView | null): Card[] {
  if (!drag || (drag.from !== columnId && drag.to !== columnId)) return base
  const list = base.filter((c) => c.id !== drag.card.id)
  if (drag.to === columnId) list.splice(Math.min(drag.index, list.length), 0, drag.card)
  return list
}

/** The column's true count while a card is dragged into or out of it. */
export function shownTotal(total: number, columnId: string, drag: DragView | null): number {
  if (!drag || drag.from === drag.to) return total
  return total + (drag.to === columnId ? 1 : 0) - (drag.from === columnId ? 1 : 0)
}
