import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Activity, Board, Card } from '../api/types'
import { formatDateTime } from '../boards/labels'
import { keys } from '../boards/queries'
import { Spinner } from '../ui/States'

/** The card's history, newest first, in words. */
export function ActivityList({ card, board }: { card: Card; board: Board }) {
  const q = useQuery({ queryKey: keys.activity(card.id), queryFn: () => ep.listActivity(card.id), retry: false })
  const columnName = (id?: string | null) => board.columns.find((c) => c.id === id)?.name ?? 'another column'
  return (
    <section className="section" aria-labelledby="activity-h">
      <h3 id="activity-h">Activity</h3>
      {q.isPending ? (
        <Spinner label="Loading history…" />
      ) : q.isError ? (
        <p className="muted">History is not available.</p>
      ) : q.data.items.length === 0 ? (
        <p className="muted">Nothing has happened to this card yet.</p>
      ) : (
        <ol className="activity">
          {q.data.items.map((a) => (
            <li key={a.id}>
              <span className="activity-what">
                <strong>{a.actor}</strong> {sentence(a, columnName)}
              </span>
              <time dateTime={a.created_at} className="muted">
                {formatDateTime(a.created_at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function sentence(a: Activity, columnName: (id?: string | null) => string): string {
  const d = (a.detail ?? {}) as Record<string, unknown>
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
  switch (a.action) {
    case 'card.created':
    case 'created':
      return 'created the card'
    case 'card.moved':
    case 'moved':
      return a.from_column_id && a.to_column_id && a.from_column_id !== a.to_column_id
        ? `moved it from ${columnName(a.from_column_id)} to ${columnName(a.to_column_id)}`
        : 'reordered it'
    case 'card.shipped':
    case 'shipped':
      return 'shipped it'
    case 'card.updated':
    case 'updated':
      return 'edited it'
    case 'request.linked':
    case 'request.created':
      return `linked ${str('email') || str('requester') || 'a requester'}`
    case 'request.removed':
    case 'request.deleted':
      return `removed ${str('email') || str('requester') || 'a requester'}`
    case 'conversation.linked':
    case 'conversation.created':
      return 'linked a conversation'
    default:
      return a.action.replace(/[._]/g, ' ')
  }
}
