import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { liveQueue } from '../api/liveQueue'
import { keys } from '../api/queries'
import type { Board, Card } from '../api/types'
import { useSession } from '../auth/session'
import { Dialog } from '../ui/Dialog'
import { formatDateTime } from '../ui/dates'
import { describe } from '../ui/errors'
import { LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'

/** The board's archive: restore a card, or (editors) delete one for good by typing its title. */
export function ArchivedCards({ board, onClose }: { board: Board; onClose: () => void }) {
  const q = useQuery({ queryKey: [...keys.cards(board.id), 'archived'], queryFn: () => ep.listArchivedCards(board.id) })
  return (
    <Dialog title={`Archived cards of ${board.name}`} onClose={onClose} wide>
      {q.isPending ? (
        <Spinner label="Loading the archive…" />
      ) : q.isError ? (
        <LoadError error={q.error} what="archive" retry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <p className="muted">Nothing is archived on this board.</p>
      ) : (
        <ul className="archived-list">
          {q.data.map((c) => (
            <ArchivedItem key={c.id} card={c} board={board} />
          ))}
        </ul>
      )}
    </Dialog>
  )
}

function ArchivedItem({ card, board }: { card: Card; board: Board }) {
  const qc = useQueryClient()
  const toast = useToast()
  const { can } = useSession()
  const [confirming, setConfirming] = useState(false)
  const [typed, setTyped] = useState('')
  const refresh = () => void qc.invalidateQueries({ queryKey: [...keys.cards(board.id), 'archived'] })
  const restore = useMutation({
    mutationFn: () => ep.restoreCard(card.id),
    onSuccess: (restored) => {
      // Back at the end of its column, in place in the column's pages.
      liveQueue(qc).now('card.updated', restored, null)
      refresh()
      toast(`Restored “${card.title}”.`, 'success')
    },
  })
  const del = useMutation({
    mutationFn: () => ep.deleteCardForever(card.id),
    onSuccess: () => {
      refresh()
      toast(`Deleted “${card.title}” for good.`)
    },
  })
  const column = board.columns.find((c) => c.id === card.column_id)?.name ?? 'a deleted column'
  return (
    <li className="archived-item">
      <div>
        <strong>{card.title}</strong>{' '}
        <span className="muted">
          in {column}, archived {card.archived_at ? formatDateTime(card.archived_at) : ''}
          {card.merged_into_id ? ' (merged into another card)' : ''}
        </span>
      </div>
      {can('edit') && (
        <div className="archived-actions">
          {!card.merged_into_id && (
            <button type="button" className="btn btn-small" disabled={restore.isPending} onClick={() => restore.mutate()}>
              Restore
            </button>
          )}{' '}
          {!confirming ? (
            <button type="button" className="btn btn-small btn-danger-quiet" onClick={() => setConfirming(true)}>
              Delete for good…
            </button>
          ) : (
            <form
              className="archived-confirm"
              onSubmit={(e) => {
                e.preventDefault()
                if (typed === card.title) del.mutate()
              }}
            >
              <label htmlFor={'confirm-' + card.id}>
                Type the title to delete it with its requests, comments and history; this cannot be undone:
              </label>
              <input id={'confirm-' + card.id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
              <button type="submit" className="btn btn-small btn-danger" disabled={typed !== card.title || del.isPending}>
                Delete forever
              </button>{' '}
              <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </form>
          )}
          {(restore.error ?? del.error) != null && <p className="form-error">{describe(restore.error ?? del.error)}</p>}
        </div>
      )}
    </li>
  )
}
