import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Requester } from '../api/types'
import { navigate } from '../app/router'
import { Dialog } from '../ui/Dialog'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { mergeRequester } from './api'

/** Two addresses of one person: everything of this one moves to the chosen one, which stays. */
export function MergeRequesterDialog({ person, onClose }: { person: Requester; onClose: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [q, setQ] = useState('')
  const [into, setInto] = useState<Requester | null>(null)
  const found = useQuery({ queryKey: ['people-search', q], queryFn: () => ep.listRequesters(q.trim()), enabled: q.trim() !== '' })
  const merge = useMutation({
    mutationFn: () => mergeRequester(person.id, into!.id),
    onSuccess: (res) => {
      void qc.invalidateQueries()
      toast(`Merged ${person.email} into ${res.requester.email}.`, 'success')
      navigate(`/people/${res.requester.id}`)
    },
  })
  const others = (found.data?.items ?? []).filter((r) => r.id !== person.id)
  return (
    <Dialog title={`Merge ${person.email} into…`} onClose={onClose}>
      <div className="dialog-body">
        {into === null ? (
          <>
            <label className="field">
              <span className="field-label">The person’s other address</span>
              <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or email" />
            </label>
            <ul className="merge-candidates">
              {others.map((r) => (
                <li key={r.id}>
                  <button type="button" className="btn btn-quiet" onClick={() => setInto(r)}>
                    {r.name || r.email} <span className="muted">{r.email}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p role="status">
            {person.email}’s {person.request_count} requests, conversations and emails move to {into.email}; where both asked for
            a card, one request remains with both quotes. {person.email} is then removed. This cannot be undone.
          </p>
        )}
        {merge.error != null && <p className="form-error" role="alert">{describe(merge.error)}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!into || merge.isPending} onClick={() => merge.mutate()}>
            {merge.isPending ? 'Merging…' : 'Merge'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
