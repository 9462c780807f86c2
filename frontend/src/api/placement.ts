import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Card, CardPage } from './types'

/**
 * Where to tell the API a card now sits: before its next neighbour, or after its previous one
 * when it is last, or nothing in an empty column. Neighbours are the cards shown (`ids`, the
 * card at `index`): the loaded cards are the column's first ones in board order, and with a
 * filter on the shown ones are still a correct relative place.
 */
export interface Placement {
  column_id: string
  before_id?: string
  after_id?: string
}

export function placement(ids: string[], index: number, columnId: string): Placement {
  const next = ids[index + 1]
  const prev = ids[index - 1]
  if (next) return { column_id: columnId, before_id: next }
  if (prev) return { column_id: columnId, after_id: prev }
  return { column_id: columnId }
}

/**
 * Where a card sits now, for an Undo: between its neighbours in any loaded page of its column
 * (whatever the filter: the neighbours shown are a correct relative place), else the column's end.
 */
export function placementNow(qc: QueryClient, card: Card): Placement {
  for (const [, data] of qc.getQueriesData<InfiniteData<CardPage>>({ queryKey: ['cards', card.board_id, 'column', card.column_id] })) {
    const ids = (data?.pages ?? []).flatMap((p) => p.items.map((c) => c.id))
    const at = ids.indexOf(card.id)
    if (at >= 0) return placement(ids, at, card.column_id)
  }
  return { column_id: card.column_id }
}
