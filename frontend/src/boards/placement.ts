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
