import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Board, Card } from '../api/types'
import { keys } from '../api/queries'
import { Can } from '../auth/session'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { unmergeCard } from './api'
import { MergeCardDialog } from './MergeCardDialog'

/** The drawer's merge part: "Merge into…" on a live card, "Unmerge" on a merged one. */
export function MergeControls({ card, board, onMerged }: { card: Card; board: Board; onMerged: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const unmerge = useMutation({
    mutationFn: () => unmergeCard(card.id),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: keys.cards(board.id) })
      void qc.invalidateQueries({ queryKey: keys.card(card.id) })
      toast(`Unmerged: “${res.card.title}” and “${res.into.title}” have their own requesters again.`, 'success')
    },
  })
  return (
    <Can right="edit">
      {card.merged_into_id ? (
        <div className="merged-box">
          <p>This card is merged into another card; its requesters are there.</p>
          <button type="button" className="btn" disabled={unmerge.isPending} onClick={() => unmerge.mutate()}>
            Unmerge
          </button>
          {unmerge.error != null && <p className="form-error">{describe(unmerge.error)}</p>}
        </div>
      ) : (
        !card.archived_at && (
          <button type="button" className="btn" onClick={() => setOpen(true)}>
            Merge into…
          </button>
        )
      )}
      {open && <MergeCardDialog card={card} board={board} onClose={() => setOpen(false)} onMerged={onMerged} />}
    </Can>
  )
}
