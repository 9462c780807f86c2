import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Requester, RequesterRequest } from '../api/types'
import { Link, navigate } from '../app/router'
import { Can } from '../auth/session'
import { formatDate, formatDateTime } from '../ui/dates'
import { keys } from '../api/queries'
import { Dialog } from '../ui/Dialog'
import { describe } from '../ui/errors'
import { Empty, LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { PersonControls } from '../merge/PersonControls'

/** One person: everything they asked for, every email we sent them, and erasing them. */
export function RequesterPage({ requesterId }: { requesterId: string }) {
  const person = useQuery({ queryKey: keys.requester(requesterId), queryFn: () => ep.getRequester(requesterId) })
  const requests = useQuery({ queryKey: ['requester-requests', requesterId], queryFn: () => ep.listRequesterRequests(requesterId) })
  const deliveries = useQuery({ queryKey: ['requester-deliveries', requesterId], queryFn: () => ep.listRequesterDeliveries(requesterId), retry: false })
  const [erasing, setErasing] = useState(false)

  if (person.isPending) return <Spinner label="Loading…" />
  if (person.isError)
    return (
      <main className="page narrow">
        <LoadError error={person.error} what="person" retry={() => void person.refetch()} />
      </main>
    )
  const p = person.data
  return (
    <main className="page narrow">
      <p className="crumbs">
        <Link href="/people">← People</Link>
      </p>
      <div className="page-head person-head">
        <div>
          <h1>{p.name || p.email}</h1>
          <p className="muted">
            {p.name && <span>{p.email}</span>}
            {p.company && <span className="company">{p.company}</span>}
            {p.unsubscribed_at && <span className="badge">unsubscribed {formatDate(p.unsubscribed_at)}</span>}
            {p.bounced_at && <span className="badge badge-failed">email bounced</span>}
          </p>
        </div>
        <PersonControls person={p} />
        <Can right="edit">
          <button type="button" className="btn btn-danger-quiet" onClick={() => setErasing(true)}>
            Erase…
          </button>
        </Can>
      </div>

      <section className="section" aria-labelledby="asked-h">
        <h2 id="asked-h">Asked for</h2>
        {requests.isPending ? (
          <Spinner />
        ) : requests.isError ? (
          <p className="form-error">{describe(requests.error)}</p>
        ) : requests.data.length === 0 ? (
          <Empty title="No requests linked." />
        ) : (
          <ul className="requests">
            {requests.data.map((r, i) => (
              <AskedItem key={r.card_id + i} r={r} />
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="emails-h">
        <h2 id="emails-h">Emails</h2>
        {deliveries.isPending ? (
          <Spinner />
        ) : deliveries.isError ? (
          <p className="muted">Email history is not available yet.</p>
        ) : deliveries.data.items.length === 0 ? (
          <Empty title="No emails sent to this person yet." >They get one when something they asked for ships.</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Card</th>
                <th>Type</th>
                <th>Status</th>
                <th>When</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{d.card_title || '—'}</td>
                  <td>{d.kind}</td>
                  <td>
                    <span className={'status status-' + d.status}>{d.status}</span>
                    {d.last_error && <div className="muted small">{d.last_error}</div>}
                  </td>
                  <td>{formatDateTime(d.sent_at ?? d.queued_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {erasing && <EraseDialog person={p} onClose={() => setErasing(false)} />}
    </main>
  )
}

function AskedItem({ r }: { r: RequesterRequest }) {
  return (
    <li className="request">
      <div className="request-head">
        {r.archived ? <span>{r.title}</span> : <Link href={`/boards/${r.board_id}?card=${r.card_id}`}>{r.title}</Link>}
        {r.shipped_at ? (
          <span className="badge badge-shipped">Shipped {formatDate(r.shipped_at)}</span>
        ) : (
          r.column_name && <span className={'stage stage-' + r.stage}>{r.column_name}</span>
        )}
        {r.archived && <span className="badge">deleted</span>}
      </div>
      {r.quote && <blockquote className="quote">“{r.quote}”</blockquote>}
      <div className="request-meta muted">{[r.source && `via ${r.source}`, formatDate(r.created_at)].filter(Boolean).join(' · ')}</div>
    </li>
  )
}

function EraseDialog({ person, onClose }: { person: Requester; onClose: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [typed, setTyped] = useState('')
  const erase = useMutation({
    mutationFn: () => ep.eraseRequester(person.id),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['requesters'] })
      qc.invalidateQueries({ queryKey: ['cards'] })
      toast('Erased. Their name, email, quotes and conversation links are gone.', 'success')
      navigate('/people', { replace: true })
    },
  })
  return (
    <Dialog title={`Erase ${person.name || person.email}?`} onClose={onClose}>
      <div className="stack">
        <p>
          This deletes this person and their personal data: name, email, company, their quotes and the conversations linked to
          them, on every card. Cards lose them from their requester count. It cannot be undone.
        </p>
        <label className="field">
          Type <strong>{person.email}</strong> to confirm
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
        {erase.error != null && <p className="form-error">{describe(erase.error)}</p>}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={typed.trim().toLowerCase() !== person.email.toLowerCase() || erase.isPending}
            onClick={() => erase.mutate()}
          >
            Erase permanently
          </button>
        </div>
      </div>
    </Dialog>
  )
}
