import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { keys } from '../api/queries'
import { Link, navigate } from '../app/router'
import { supportDraftKey, type SupportFields } from '../cards/SupportForm'
import { formatDateTime } from '../ui/dates'
import { describe } from '../ui/errors'
import { putHandoff } from '../ui/handoff'
import { pendingDraftKey } from '../support/LinkRequestPage'
import { Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { listIntegrationEvents, type EventOutcome, type Integration, type IntegrationEvent } from './api'

const outcomeName: Record<EventOutcome, string> = {
  linked: 'Linked',
  duplicate: 'Duplicate',
  no_reference: 'No card reference',
  unmatched: 'No email',
  unknown_card: 'Unknown card',
}

/** Refreshed every second while the page is visible (TanStack Query pauses in background
 * tabs): an agent tagging a conversation sees the outcome within about a second; a page of
 * 50 events is a few kB. */
const pollMs = 1000

export function EventLog({ integration }: { integration: Integration }) {
  const events = useQuery({
    queryKey: ['integration-events', integration.id],
    queryFn: () => listIntegrationEvents(integration.id),
    refetchInterval: pollMs,
  })
  return (
    <section className="event-log" aria-labelledby={'events-' + integration.id}>
      <h3 id={'events-' + integration.id}>Event log</h3>
      {events.isPending ? (
        <Spinner label="Loading events…" />
      ) : events.isError ? (
        <p className="form-error">{describe(events.error)}</p>
      ) : events.data.length === 0 ? (
        <p className="muted">Nothing received yet. Events appear here within seconds of the tool sending them.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="event-log">
            <thead>
              <tr>
                <th>Received</th>
                <th>Outcome</th>
                <th>Card</th>
                <th>Who</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((e) => (
                <EventRow key={e.id} event={e} integration={integration} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function EventRow({ event: e, integration }: { event: IntegrationEvent; integration: Integration }) {
  return (
    <tr>
      <td>{formatDateTime(e.received_at)}</td>
      <td>
        <span className={'status outcome-' + e.outcome}>{outcomeName[e.outcome]}</span>
      </td>
      <td>{e.card_id ? <CardRef id={e.card_id} /> : <span className="muted">—</span>}</td>
      <td>{e.requester_email || <span className="muted">—</span>}</td>
      <td>
        {e.detail}
        {e.outcome === 'unmatched' && <LinkByHand event={e} integration={integration} />}
      </td>
    </tr>
  )
}

function CardRef({ id }: { id: string }) {
  const card = useQuery({ queryKey: keys.card(id), queryFn: () => ep.getCard(id), staleTime: 30_000 })
  if (!card.data) return <span className="muted">{card.isError ? 'deleted card' : '…'}</span>
  return (
    <Link href={`/boards/${card.data.board_id}?card=${id}`}>
      #{card.data.number} {card.data.title}
    </Link>
  )
}

/** Opens the support form with what the event knew, on its card when it named one. */
function LinkByHand({ event: e, integration }: { event: IntegrationEvent; integration: Integration }) {
  const toast = useToast()
  const draft: Partial<SupportFields> = {
    email: e.requester_email,
    name: e.requester_name,
    quote: e.quote,
    conversation_url: e.conversation_url,
    source: integration.kind === 'generic' ? '' : integration.kind,
  }
  async function open() {
    if (!e.card_id) {
      putHandoff(pendingDraftKey, draft)
      navigate('/link')
      return
    }
    try {
      const card = await ep.getCard(e.card_id)
      putHandoff(supportDraftKey(card.id), draft)
      navigate(`/boards/${card.board_id}?card=${card.id}`)
    } catch (err) {
      toast(describe(err), 'error')
    }
  }
  return (
    <div>
      <button type="button" className="btn btn-small" onClick={() => void open()}>
        Link by hand
      </button>
    </div>
  )
}
