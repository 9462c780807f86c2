import { useMutation } from '@tanstack/react-query'
import { useSession } from '../auth/session'
import { describe } from '../ui/errors'
import { useArchive } from './useArchive'

/**
 * Archiving is the default removal: one press takes the card off the board, keeping its
 * requests, comments and history, and the toast offers Undo. Deleting for good happens only
 * from the board's archive.
 */
export function ArchiveCard({ cardId, boardId, title, onArchived }: { cardId: string; boardId: string; title: string; onArchived: () => void }) {
  const { can } = useSession()
  const archiveCard = useArchive()
  const archive = useMutation({
    mutationFn: () => archiveCard({ id: cardId, board_id: boardId, title }),
    onSuccess: () => onArchived(),
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
