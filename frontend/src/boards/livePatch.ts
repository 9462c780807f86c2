import type { QueryClient } from '@tanstack/react-query'
import type { CardFilter } from '../api/endpoints'
import type { CardChange } from '../api/liveQueue'
import type { Card } from '../api/types'
import { byPositionKey, hasMore, insertCard, loadedCards, removeCard, replaceCard, totalOf, withTotal, type ColumnData } from './columnCache'

// Live changes (api/liveQueue.ts) patch the board's paged columns in place: a card leaves the
// column it was in, joins the one it is in now at its rank, and each column's true count
// follows, whether or not the card is among the loaded pages. One batch, one cache write per
// column it touches; untouched columns (and their tiles) keep the same objects.

function isPlainBoardOrder(f: CardFilter): boolean {
  return !f.q && !f.kind && !f.label && !f.owner && (f.sort ?? 'position') === 'position'
}

const onBoard = (c: Card | null): c is Card => !!c && c.archived_at == null && !c.merged_into_id

/** Where the card sorts among the loaded cards: an index, or -1 when it comes with a page not loaded yet. */
function slotOf(cards: Card[], card: Card, more: boolean): number {
  const i = cards.findIndex((c) => byPositionKey(card, c) < 0)
  if (i >= 0) return i
  return more ? -1 : cards.length
}

/** One change applied to one column in board order (the same object when it changes nothing there). */
export function patchColumn(data: ColumnData, columnId: string, change: CardChange): ColumnData {
  const cards = loadedCards(data)
  const existing = cards.find((c) => c.id === change.id)
  const after = onBoard(change.card) && change.card.column_id === columnId ? change.card : null
  if (existing && change.card && existing.version > change.card.version) return data // our own newer write
  if (existing) {
    if (!after) return removeCard(data, change.id)
    if (existing.position === after.position) return sameCard(existing, after) ? data : replaceCard(data, after)
    const without = removeCard(data, change.id)
    const at = slotOf(loadedCards(without), after, hasMore(without))
    // Still in this column, so still counted, wherever it went.
    return at < 0 ? withTotal(without, totalOf(data)) : insertCard(without, after, at)
  }
  // Not loaded: whether it was counted here only the events can say.
  const was = change.before === columnId
  if (!after) return was ? withTotal(data, totalOf(data) - 1) : data
  const at = slotOf(cards, after, hasMore(data))
  if (at < 0) return was || change.before === undefined ? data : withTotal(data, totalOf(data) + 1)
  // Among the loaded cards, where no card of this column can hide: it was not in view before.
  return insertCard(was ? withTotal(data, totalOf(data) - 1) : data, after, at)
}

/** Same data as the server sent (the echo of this tab's own write changes nothing). */
function sameCard(a: Card, b: Card): boolean {
  return a === b || (a.version === b.version && JSON.stringify(a) === JSON.stringify(b))
}

/** Whether a column that only the server can filter may hold the card, before or after. */
function mayConcern(data: ColumnData, columnId: string, change: CardChange): boolean {
  return change.before === columnId || change.card?.column_id === columnId || loadedCards(data).some((c) => c.id === change.id)
}

/**
 * The board patcher of the live queue: every cached column of every board, in board order,
 * gets the batch in place; a filtered or re-sorted column the batch may concern is refetched
 * if it is on screen (whether the card belongs there is the server's call).
 */
export function patchBoardColumns(qc: QueryClient, changes: CardChange[]) {
  for (const query of qc.getQueryCache().findAll({ queryKey: ['cards'] })) {
    const [, , kind, columnId, filter] = query.queryKey as [string, string, string?, string?, CardFilter?]
    const data = query.state.data as ColumnData | undefined
    if (kind === 'archived') {
      // The archive list changes when a card enters or leaves the board.
      const entersOrLeaves = (ch: CardChange) => !!ch.card && ch.card.board_id === query.queryKey[1] && (!onBoard(ch.card) || ch.before !== ch.card.column_id)
      if (changes.some(entersOrLeaves))
        void qc.invalidateQueries({ queryKey: query.queryKey, exact: true })
      continue
    }
    if (kind !== 'column' || !columnId || !data) continue
    if (!isPlainBoardOrder(filter ?? {})) {
      if (changes.some((ch) => mayConcern(data, columnId, ch))) void qc.invalidateQueries({ queryKey: query.queryKey, exact: true })
      continue
    }
    let next = data
    for (const ch of changes) next = patchColumn(next, columnId, ch)
    if (next !== data) qc.setQueryData<ColumnData>(query.queryKey, next)
  }
}
