import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board, Card } from '../api/types'
import { keys } from '../api/queries'
import { Dialog } from '../ui/Dialog'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { mergeCard, previewMerge } from './api'

/**
 * "Merge into…": find the card this one duplicates, see how many people move and how many
 * are already there (and who would be emailed now), then merge.
 */
export function MergeCardDialog({ card, board, onClose, onMerged }: { card: Card; board: Board; onClose: () => void; onMerged: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [q, setQ] = useState('')
  const [target, setTarget] = useState<Card | null>(null)
  const found = useQuery({
    queryKey: ['merge-search', board.id, q],
    queryFn: () => ep.listCards(board.id, { q: q.trim() || undefined }),
    enabled: target === null,
  })
  const preview = useQuery({
    queryKey: ['merge-preview', card.id, target?.id],
    queryFn: () => previewMerge(card.id, target!.id),
    enabled: target !== null,
    retry: false,
  })
  const merge = useMutation({
    mutationFn: () => mergeCard(card.id, target!.id),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: keys.cards(board.id) })
      void qc.invalidateQueries({ queryKey: keys.card(res.into.id) })
      toast(`Merged “${card.title}” into “${res.into.title}”.`, 'success')
      onMerged()
    },
  })
  const candidates = (found.data ?? []).filter((c) => c.id !== card.id).slice(0, 20)
  const p = preview.data
  return (
    <Dialog title={`Merge “${card.title}” into…`} onClose={onClose} wide>
      <div className="dialog-body">
        {target === null ? (
          <>
            <label className="field">
              <span className="field-label">Find the card it duplicates</span>
              <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search this board’s cards" />
            </label>
            {found.error != null && <p className="form-error">{describe(found.error)}</p>}
            <ul className="merge-candidates">
              {candidates.map((c) => (
                <li key={c.id}>
                  <button type="button" className="btn btn-quiet" onClick={() => setTarget(c)}>
                    {c.title} <span className="muted">({c.requester_count} requesters)</span>
                  </button>
                </li>
              ))}
              {found.data && candidates.length === 0 && <li className="muted">No other card matches.</li>}
            </ul>
          </>
        ) : (
          <>
            {preview.isPending && <p role="status">Working out what moves…</p>}
            {preview.error != null && <p className="form-error" role="alert">{describe(preview.error)}</p>}
            {p && (
              <p className="merge-summary" role="status" data-testid="merge-summary">
                {p.moved} {p.moved === 1 ? 'requester moves' : 'requesters move'} to “{target.title}”; {p.already_on_target}{' '}
                {p.already_on_target === 1 ? 'is' : 'are'} already on it.{' '}
                {p.conversations > 0 && <>{p.conversations} conversations move too. </>}
                {p.shipped_emails > 0
                  ? `“${target.title}” has shipped: ${p.shipped_emails} people get the shipped email now. `
                  : 'Nobody is emailed now. '}
                {p.suppressed > 0 && `${p.suppressed} already heard about this card and will not be emailed again. `}
                “{card.title}” is archived; you can undo this for 30 days.
              </p>
            )}
            {merge.error != null && <p className="form-error" role="alert">{describe(merge.error)}</p>}
          </>
        )}
        <div className="dialog-actions">
          {target !== null && (
            <button type="button" className="btn" onClick={() => setTarget(null)}>
              Choose another card
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!p || merge.isPending} onClick={() => merge.mutate()}>
            {merge.isPending ? 'Merging…' : 'Merge'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
