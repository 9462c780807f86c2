import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { keys } from '../api/queries'
import { useSession } from '../auth/session'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'

/** Deleting the card, behind a second press that says what goes with it. */
export function DeleteCard({ cardId, boardId, title, onDeleted }: { cardId: string; boardId: string; title: string; onDeleted: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const { can } = useSession()
  const [sure, setSure] = useState(false)
  const del = useMutation({
    mutationFn: () => ep.deleteCard(cardId),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.cards(boardId) })
      toast(`Deleted “${title}”.`)
      onDeleted()
    },
  })
  if (!can('edit')) return null
  return (
    <div className="danger-zone">
      {sure ? (
        <>
          <p>Delete this card with its requests and conversations? The people who asked will not be told.</p>
          <button type="button" className="btn btn-danger" disabled={del.isPending} onClick={() => del.mutate()}>
            Delete card
          </button>{' '}
          <button type="button" className="btn" onClick={() => setSure(false)}>
            Keep it
          </button>
          {del.error != null && <p className="form-error">{describe(del.error)}</p>}
        </>
      ) : (
        <button type="button" className="btn btn-danger-quiet" onClick={() => setSure(true)}>
          Delete card…
        </button>
      )}
    </div>
  )
}
