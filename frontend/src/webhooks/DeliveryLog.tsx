import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { formatDate } from '../ui/dates'
import { describe } from '../ui/errors'
import { Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { deliveriesKey, listDeliveries, retryDelivery, type Webhook, type WebhookDelivery } from './api'

const statusName: Record<WebhookDelivery['status'], string> = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' }

/** Refreshed every 2 s while the page is visible (TanStack Query pauses in background tabs). */
const pollMs = 2000

export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const deliveries = useQuery({ queryKey: deliveriesKey(webhook.id), queryFn: () => listDeliveries(webhook.id), refetchInterval: pollMs })
  return (
    <section className="event-log" aria-labelledby={'deliveries-' + webhook.id}>
      <h3 id={'deliveries-' + webhook.id}>Delivery log</h3>
      {deliveries.isPending ? (
        <Spinner label="Loading deliveries…" />
      ) : deliveries.isError ? (
        <p className="form-error">{describe(deliveries.error)}</p>
      ) : deliveries.data.length === 0 ? (
        <p className="muted">Nothing sent yet. Each event appears here with every attempt’s outcome; “Send test” sends one now.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="delivery-log">
            <thead>
              <tr>
                <th>Event</th>
                <th>Status</th>
                <th>Attempts</th>
                <th>Last answer</th>
                <th>Next attempt</th>
                <th>Created</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <DeliveryRow key={d.id} delivery={d} webhook={webhook} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function DeliveryRow({ delivery: d, webhook }: { delivery: WebhookDelivery; webhook: Webhook }) {
  const qc = useQueryClient()
  const toast = useToast()
  const retry = useMutation({
    mutationFn: () => retryDelivery(webhook.id, d.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: deliveriesKey(webhook.id) }),
    onError: (err) => toast(describe(err), 'error'),
  })
  const answer = d.last_status !== null ? `HTTP ${d.last_status}` : d.attempts > 0 ? 'No answer' : '—'
  return (
    <tr data-status={d.status}>
      <td>
        <code>{d.event_type}</code>
      </td>
      <td>
        <span className={'status webhook-' + d.status}>{statusName[d.status]}</span>
      </td>
      <td>{d.attempts}</td>
      <td>
        {answer}
        {d.last_error && <div className="muted small">{d.last_error}</div>}
      </td>
      <td>{d.next_attempt_at ? formatDate(d.next_attempt_at) : <span className="muted">—</span>}</td>
      <td>{formatDate(d.created_at)}</td>
      <td>
        {d.status !== 'pending' && (
          <button type="button" className="btn btn-small" disabled={retry.isPending} onClick={() => retry.mutate()}>
            Retry<span className="sr-only"> {d.event_type} delivery</span>
          </button>
        )}
      </td>
    </tr>
  )
}
