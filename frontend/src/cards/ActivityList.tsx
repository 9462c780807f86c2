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

const fieldNames: Record<string, string> = { title: 'title', description: 'description', kind: 'kind', labels: 'labels', release_note: 'release note' }

/** One history line in words. Actions: created, edited, moved, shipped, archived. */
export function sentence(a: Activity, columnName: (id?: string | null) => string): string {
  const d = a.detail ?? {}
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
    default:
      return a.action.replace(/[._]/g, ' ')
  }
}
