import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { liveQueue } from '../api/liveQueue'
import { keys } from '../api/queries'
import type { Card } from '../api/types'
import { useSession } from '../auth/session'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'

/**
 * Archiving is the default removal: one press takes the card off the board, keeping its
 * requests, comments and history, and the toast offers Undo. Deleting for good happens only
 * from the board's archive.
 */
export function ArchiveCard({ cardId, boardId, title, onArchived }: { cardId: string; boardId: string; title: string; onArchived: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const { can } = useSession()
  // The one card leaves (or rejoins) its column's pages in place; the archive list is read again.
  const changed = (card: Card, type: string, before: string | null) => {
    liveQueue(qc).now(type, card, before)
    void qc.invalidateQueries({ queryKey: [...keys.cards(boardId), 'archived'] })
  }
  const archive = useMutation({
    mutationFn: () => ep.archiveCard(cardId),
    onSuccess: (archived) => {
      changed(archived, 'card.archived', archived.column_id)
      toast(`Archived “${title}”.`, 'info', {
        label: 'Undo',
        run: () =>
          void ep.restoreCard(cardId).then(
            (restored) => {
              changed(restored, 'card.updated', null)
              toast(`Restored “${title}”.`, 'success')
            },
            (e: unknown) => toast(describe(e), 'error'),
          ),
      })
      onArchived()
    },
  })
  if (!can('edit')) return null
  return (
    <div className="danger-zone">
      <button type="button" className="btn btn-danger-quiet" disabled={archive.isPending} onClick={() => archive.mutate()}>
        Archive card
      </button>{' '}
      <span className="muted">It leaves the board with everything kept; restore it from the board’s archive.</span>
      {archive.error != null && <p className="form-error">{describe(archive.error)}</p>}
    </div>
  )
}
