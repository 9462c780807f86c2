import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Card, CardRequest, Conversation } from '../api/types'
import { Link } from '../app/router'
import { Can } from '../auth/session'
import { formatDate } from '../ui/dates'
import { keys } from '../api/queries'
import { describe } from '../ui/errors'
import { Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { ToolIcon, toolLabel } from './tools'

/** Who asked for this card, in their own words, with the conversations it came from. */
export function RequestersList({ card }: { card: Card }) {
  const requests = useQuery({ queryKey: keys.requests(card.id), queryFn: () => ep.listRequests(card.id) })
  const conversations = useQuery({ queryKey: keys.conversations(card.id), queryFn: () => ep.listConversations(card.id) })
  // Each request carries its requester's conversations; the rest belong to nobody linked.
  const unattached = (conversations.data ?? []).filter((c) => c.requester_id === null)
  return (
    <section className="section" aria-labelledby="requesters-h">
      <h3 id="requesters-h">
        Requested by <span className="count">{requests.data?.length ?? card.requester_count}</span>
      </h3>
      {requests.isPending ? (
        <Spinner label="Loading requesters…" />
      ) : requests.isError ? (
        <p className="form-error">{describe(requests.error)}</p>
      ) : requests.data.length === 0 ? (
        <p className="muted">Nobody is linked yet. When a user asks for this in a conversation, link it above so they hear when it ships.</p>
      ) : (
        <ul className="requests">
          {requests.data.map((r) => (
            <RequestItem key={r.requester.id} card={card} request={r} conversations={r.conversations} />
          ))}
        </ul>
      )}
      {unattached.length > 0 && (
        <>
          <h4>Other conversations</h4>
          <ul className="conversations">
            {unattached.map((c) => (
              <ConversationLink key={c.id} c={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function RequestItem({ card, request: r, conversations }: { card: Card; request: CardRequest; conversations: Conversation[] }) {
  const qc = useQueryClient()
  const toast = useToast()
  const remove = useMutation({
    mutationFn: () => ep.deleteRequest(card.id, r.requester.id),
    onSuccess: () => {
      toast(`Removed ${r.requester.name || r.requester.email} from this card.`)
      for (const k of [keys.requests(card.id), keys.conversations(card.id), keys.card(card.id), keys.cards(card.board_id), keys.activity(card.id)])
        qc.invalidateQueries({ queryKey: k })
    },
    onError: (e) => toast(describe(e), 'error'),
  })
  // Every quote ever given is kept, oldest first; a "not quite" answer to the shipped email
  // is kept among them (source "reaction") and says so.
  const quotes = (r.quotes.length > 0 ? r.quotes : [{ text: r.quote, source: r.source }]).filter((q) => q.text)
  return (
    <li className="request">
      <div className="request-head">
        <Link href={`/people/${r.requester.id}`} className="request-who">
          {r.requester.name || r.requester.email}
        </Link>
        {r.requester.name && <span className="muted"> {r.requester.email}</span>}
        {r.requester.company && <span className="company">{r.requester.company}</span>}
        <Can right="link">
          {/* Words, not a ×: the drawer's own × closes the card, this one unlinks a person. */}
          <button
            type="button"
            className="btn btn-danger-quiet btn-small request-remove"
            aria-label={`Remove ${r.requester.name || r.requester.email} from this card`}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove ${r.requester.name || r.requester.email} from this card? They will not be emailed when it ships.`)) remove.mutate()
            }}
          >
            Remove
          </button>
        </Can>
      </div>
      {quotes.map((q, i) =>
        q.source === 'reaction' ? (
          <div key={i} className="quote-after">
            <span className="answer-badge answer-no">Not quite</span> <span className="muted">after it shipped:</span>
            <blockquote className="quote">“{q.text}”</blockquote>
          </div>
        ) : (
          <blockquote key={i} className="quote">
            “{q.text}”
          </blockquote>
        ),
      )}
      <div className="request-meta muted">
        {[r.source && `via ${r.source}`, r.linked_by && `linked by ${r.linked_by}`, formatDate(r.created_at)].filter(Boolean).join(' · ')}
      </div>
      {conversations.length > 0 && (
        <ul className="conversations">
          {conversations.map((c) => (
            <ConversationLink key={c.id} c={c} />
          ))}
        </ul>
      )}
    </li>
  )
}

function ConversationLink({ c }: { c: Conversation }) {
  return (
    <li>
      <a href={c.url} target="_blank" rel="noopener noreferrer" className="conversation">
        <ToolIcon tool={c.tool} />
        <span>
          {toolLabel(c.tool)}
          {c.external_id ? ` #${c.external_id}` : ''}
        </span>
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </li>
  )
}
