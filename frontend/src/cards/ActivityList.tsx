import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Activity, Board, Card, Tool } from '../api/types'
import { formatDateTime } from '../ui/dates'
import { keys } from '../api/queries'
import { Spinner } from '../ui/States'
import { toolLabel } from './tools'

const toolNames = { intercom: 1, zendesk: 1, freshdesk: 1, helpscout: 1, front: 1, email: 1, other: 1 }

/** The card's history, newest first, in words. */
export function ActivityList({ card, board }: { card: Card; board: Board }) {
  const q = useQuery({ queryKey: keys.activity(card.id), queryFn: () => ep.listActivity(card.id), retry: false })
  const columnName = (id?: string | null) => board.columns.find((c) => c.id === id)?.name ?? 'another column'
  const requests = useQuery({ queryKey: keys.requests(card.id), queryFn: () => ep.listRequests(card.id) })
  const personName = (id: string) => {
    const r = requests.data?.find((x) => x.requester.id === id)?.requester
    return r ? r.name || r.email : undefined
  }
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
                <strong>{a.actor}</strong> {sentence(a, columnName, personName)}
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

const fieldNames: Record<string, string> = { title: 'title', description: 'description', kind: 'kind', labels: 'labels', release_note: 'release note', owner_id: 'owner' }

/**
 * One history line in words. Activity details carry ids, not personal data, so people are
 * named from the card's current requesters (someone removed or erased is "a requester").
 */
export function sentence(a: Activity, columnName: (id?: string | null) => string, personName: (id: string) => string | undefined = () => undefined): string {
  const d = a.detail
  const who = (typeof d.requester_id === 'string' && personName(d.requester_id)) || 'a requester'
  const otherBoard = typeof d.from_board_id === 'string'
  switch (a.action) {
    case 'created':
      return `created it in ${columnName(a.to_column_id)}`
    case 'edited': {
      const fields = Array.isArray(d.fields) ? (d.fields as string[]).map((f) => fieldNames[f] ?? f) : []
      return fields.length ? `edited the ${fields.join(', ')}` : 'edited it'
    }
    case 'moved':
      if (otherBoard) return `moved it here from another board, into ${columnName(a.to_column_id)}`
      return a.from_column_id !== a.to_column_id
        ? `moved it from ${columnName(a.from_column_id)} to ${columnName(a.to_column_id)}`
        : `reordered it in ${columnName(a.to_column_id)}`
    case 'shipped':
      return `shipped it (moved to ${columnName(a.to_column_id)})`
    case 'archived':
      return 'deleted it'
    case 'request_linked':
      return d.new === false ? `added another quote from ${who}` : `linked ${who}`
    case 'request_unlinked':
      return `removed ${who}`
    case 'conversation_linked':
      return typeof d.tool === 'string' && d.tool in toolNames ? `linked a ${toolLabel(d.tool as Tool)} conversation` : 'linked a conversation'
    case 'commented':
      return 'commented'
    case 'comment_edited':
      return 'edited a comment'
    case 'comment_deleted':
      return 'deleted a comment'
    case 'requester_erased':
      return 'erased a requester’s personal data'
    default:
      return a.action.replace(/[._]/g, ' ')
  }
}
