import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Card, DeliverySummary } from '../api/types'
import { keys } from '../api/queries'
import { useLiveConnected } from '../api/live'

// Deliveries are created by a background fan-out moments after the card ships, so an empty
// summary right after shipping means "not yet", not "none": keep asking for a while.
const fanOutGrace = 2 * 60 * 1000

export function shouldPoll(s: DeliverySummary | undefined, card: Pick<Card, 'requester_count' | 'shipped_at'>, now = Date.now()): boolean {
  if (!s) return true
  if (pending(s) > 0) return true
  const recorded = s.sent + s.failed + s.suppressed
  const recent = !!card.shipped_at && now - new Date(card.shipped_at).getTime() < fanOutGrace
  return recent && recorded < card.requester_count
}

/** Live email progress of a shipped card: polls while emails are queued or still being created. */
export function DeliveryProgress({ card, compact }: { card: Card; compact?: boolean }) {
  // While the live stream is up, delivery.progress events move the counts (api/live.ts);
  // polling then only backs it up, slowly.
  const live = useLiveConnected()
  const q = useQuery({
    queryKey: keys.deliveries(card.id),
    queryFn: () => ep.listDeliveries(card.id),
    refetchInterval: (query) => (shouldPoll(query.state.data?.summary, card) ? (live ? 10000 : 1500) : false),
    retry: false,
  })
  if (q.isError) return compact ? null : <p className="muted">Email progress is not available yet.</p>
  const s: DeliverySummary | undefined = q.data?.summary
  if (!s) return <div className={'deliveries' + (compact ? ' deliveries-compact' : '')} aria-hidden="true" />
  const waiting = pending(s)
  const total = waiting + s.sent + s.failed + s.suppressed
  if (total === 0 && shouldPoll(s, card))
    return (
      <div className={'deliveries' + (compact ? ' deliveries-compact' : '')}>
        <span className="delivery-counts">Preparing {card.requester_count === 1 ? 'the email' : `${card.requester_count} emails`}…</span>
      </div>
    )
  if (total === 0) return compact ? null : <p className="muted">No shipped emails: nobody was linked when it shipped.</p>
  const pct = (n: number) => `${(n / total) * 100}%`
  return (
    <div className={'deliveries' + (compact ? ' deliveries-compact' : '')} data-testid="deliveries" aria-live="polite">
      <div className="progress" aria-hidden="true">
        <span className="progress-sent" style={{ width: pct(s.sent) }} />
        <span className="progress-failed" style={{ width: pct(s.failed) }} />
        <span className="progress-suppressed" style={{ width: pct(s.suppressed) }} />
      </div>
      <div className="delivery-counts">
        {waiting > 0 && <span data-status="queued">{waiting} queued</span>}
        <span data-status="sent">{s.sent} sent</span>
        {s.failed > 0 && <span data-status="failed">{s.failed} failed</span>}
        {s.suppressed > 0 && <span data-status="suppressed">{s.suppressed} suppressed</span>}
      </div>
      {!compact && q.data && q.data.items.length > 0 && (
        <details className="delivery-list">
          <summary>Each email ({total})</summary>
          <ul>
            {q.data.items.map((d) => (
              <li key={d.id}>
                <span className={'status status-' + d.status}>{d.status}</span> <span>{d.email || '(erased)'}</span>
                {d.last_error && <span className="muted small"> — {d.last_error}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

/** Emails not sent yet; unknown (not loaded) counts as pending so polling starts. */
function pending(s: DeliverySummary | undefined): number {
  return s ? s.queued : 1
}
