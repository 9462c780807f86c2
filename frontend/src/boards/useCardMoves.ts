import { useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { CardFilter } from '../api/endpoints'
import type { Board } from '../api/types'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { keys } from '../api/queries'
import { liveQueue } from '../api/liveQueue'
import { peopleAsked } from '../shipping/consequence'
import { applyCardChange, insertCard, loadedCards, removeCard, replaceCard, type ColumnData, type DragView } from './columnCache'
import { placement, type Placement } from '../api/placement'

/**
 * Sends a move and shows it at once: the card leaves its column's cached pages and joins the
 * target's, in place (optimistic). On success it takes the server's version, and other cached
 * views of the board learn of it without a refetch; on any failure it goes back where it was
 * and the person is told why. Nothing downloads the board again. A move that did not ship the
 * card says where it went, with Undo: the card goes back between the neighbours it left. The
 * card's live events wait until the answer is in (the echo of this move then changes nothing;
 * another tab's move of the same card, which makes this one fail, applies after the rollback).
 */
export function useCardMoves(board: Board, filter: Required<CardFilter>) {
  const qc = useQueryClient()
  const toast = useToast()

  const columnName = (id: string) => board.columns.find((c) => c.id === id)?.name ?? 'the column'

  /**
   * status: the status email the mover asked for (a planned, in-progress or declined column).
   * undoing: this move is an Undo (it offers none itself).
   */
  function commit(view: DragView, target: Placement, releaseNote?: string, status?: { notify: boolean; note: string }, { undoing = false } = {}) {
    const before = view.card
    const fromKey = keys.columnCards(board.id, view.from, filter)
    const toKey = keys.columnCards(board.id, view.to, filter)
    // Where it was, for Undo: its neighbours in the column it leaves, as shown before the move.
    const back = placement(loadedCards(qc.getQueryData<ColumnData>(fromKey)).map((c) => c.id), view.fromIndex, view.from)
    // A page on its way would overwrite the move with what the server had before it.
    void qc.cancelQueries({ queryKey: fromKey, exact: true })
    void qc.cancelQueries({ queryKey: toKey, exact: true })
    const live = liveQueue(qc)
    live.hold(before.id)
    qc.setQueryData<ColumnData>(fromKey, (d) => d && removeCard(d, before.id))
    qc.setQueryData<ColumnData>(toKey, (d) => d && insertCard(d, { ...before, column_id: view.to }, view.index))
    const tell = status?.notify ? { notify: true, note: status.note.trim() || undefined } : {}
    ep.moveCard(before.id, { ...target, release_note: releaseNote?.trim() || undefined, ...tell }, before.version)
      .then(
        (card) => {
          qc.setQueryData<ColumnData>(toKey, (d) => d && replaceCard(d, card))
          live.record(card)
          qc.setQueryData(keys.card(card.id), card)
          applyCardChange(qc, board.id, card.id, card, { skip: [JSON.stringify(fromKey), JSON.stringify(toKey)], refetch: false })
          if (card.shipped_at && !before.shipped_at) {
            const n = card.requester_count
            toast(n > 0 ? `Shipped “${card.title}”. ${peopleAsked(n)} — the emails are going out.` : `Shipped “${card.title}”.`, 'success')
          } else if (undoing) {
            toast(`Moved “${card.title}” back to ${columnName(view.to)}.`, 'success')
          } else if (tell.notify) {
            // The status email is on its way: moving back would not take it back, so no Undo.
            toast(`Moved “${card.title}” to ${columnName(view.to)}; the people who asked are being told.`, 'success')
          } else {
            toast(view.from === view.to ? `Moved “${card.title}” within ${columnName(view.to)}.` : `Moved “${card.title}” to ${columnName(view.to)}.`, 'info', {
              label: 'Undo',
              run: () => {
                const at = loadedCards(qc.getQueryData<ColumnData>(toKey)).findIndex((c) => c.id === card.id)
                const undo = { card, from: view.to, fromIndex: Math.max(0, at), to: view.from, index: view.fromIndex }
                commit(undo, back, undefined, undefined, { undoing: true })
              },
            })
          }
        },
        (err: unknown) => {
          qc.setQueryData<ColumnData>(toKey, (d) => d && removeCard(d, before.id))
          qc.setQueryData<ColumnData>(fromKey, (d) => d && insertCard(d, before, view.fromIndex))
          toast(`Could not move “${before.title}”: ${describe(err)}`, 'error')
        },
      )
      .finally(() => {
        live.release(before.id)
        qc.invalidateQueries({ queryKey: keys.activity(before.id) })
        qc.invalidateQueries({ queryKey: keys.deliveries(before.id) })
      })
  }

  return { commit }
}
