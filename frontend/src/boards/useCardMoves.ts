import type { RefObject } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board } from '../api/types'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { placement, type BoardAction, type BoardState } from './boardState'
import { keys } from '../api/queries'
import { peopleAsked } from '../shipping/consequence'

/**
 * Sends a move the board already shows. On success the card takes the server's version; on any
 * failure it goes back where it was and the person is told why. The board reloads once no move
 * is in flight, so other people's changes come in without fighting the optimistic order.
 */
export function useCardMoves(
  board: Board,
  ref: RefObject<BoardState>,
  apply: (a: BoardAction) => BoardState,
) {
  const qc = useQueryClient()
  const toast = useToast()

  function commit(cardId: string, releaseNote?: string) {
    const target = placement(ref.current.order, cardId)
    const origin = ref.current.pending[cardId]
    if (!target || !origin) return
    const before = origin.card
    ep.moveCard(cardId, { ...target, release_note: releaseNote?.trim() || undefined }, before.version)
      .then(
        (card) => {
          apply({ type: 'confirm', card })
          qc.setQueryData(keys.card(card.id), card)
          if (card.shipped_at && !before.shipped_at) {
            const n = card.requester_count
            toast(n > 0 ? `Shipped “${card.title}”. ${peopleAsked(n)} — the emails are going out.` : `Shipped “${card.title}”.`, 'success')
          }
        },
        (err: unknown) => {
          apply({ type: 'rollback', cardId })
          toast(`Could not move “${before.title}”: ${describe(err)}`, 'error')
        },
      )
      .finally(() => {
        qc.invalidateQueries({ queryKey: keys.activity(cardId) })
        qc.invalidateQueries({ queryKey: keys.deliveries(cardId) })
        if (Object.keys(ref.current.pending).length === 0) qc.invalidateQueries({ queryKey: keys.cards(board.id) })
      })
  }

  return { commit }
}
