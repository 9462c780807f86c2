import { useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { keys } from '../api/queries'
import type { Board, Column } from '../api/types'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'

/** The board's columns with `columnId` moved to `index` (0 first), renumbered 0, 1, 2… like the API does. */
export function reorderColumns(columns: Column[], columnId: string, index: number): Column[] {
  const sorted = [...columns].sort((a, b) => a.position - b.position)
  const from = sorted.findIndex((c) => c.id === columnId)
  if (from < 0) return sorted
  const [moving] = sorted.splice(from, 1)
  sorted.splice(Math.max(0, Math.min(index, sorted.length)), 0, moving!)
  return sorted.map((c, i) => (c.position === i ? c : { ...c, position: i }))
}

/**
 * Moves a column to a new place at once (the board's cached columns), then asks the API
 * (PATCH /columns/{id} with `position`); on failure the old order comes back and the person is
 * told why.
 */
export function useColumnReorder(board: Board) {
  const qc = useQueryClient()
  const toast = useToast()
  return function move(columnId: string, index: number) {
    const before = qc.getQueryData<Board>(keys.board(board.id)) ?? board
    const name = before.columns.find((c) => c.id === columnId)?.name ?? 'the column'
    qc.setQueryData<Board>(keys.board(board.id), { ...before, columns: reorderColumns(before.columns, columnId, index) })
    ep.updateColumn(columnId, { position: index }).then(
      () => {
        void qc.invalidateQueries({ queryKey: keys.board(board.id) })
        void qc.invalidateQueries({ queryKey: keys.boards })
      },
      (err: unknown) => {
        qc.setQueryData<Board>(keys.board(board.id), before)
        toast(`Could not move column “${name}”: ${describe(err)}`, 'error')
      },
    )
  }
}
