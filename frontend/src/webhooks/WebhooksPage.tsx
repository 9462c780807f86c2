import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { setParam, useLocation } from '../app/router'
import { useSession } from '../auth/session'
import { formatDate } from '../ui/dates'
import { Empty, LoadError, Spinner } from '../ui/States'
import { listWebhooks, webhooksKey, type CreatedWebhook } from './api'
import { NewWebhook } from './NewWebhook'
import { WebhookDetail } from './WebhookDetail'

/** Other tools hear what happens: signed webhooks and Slack messages (api.md "Outbound"). */
export function WebhooksPage() {
  const { can } = useSession()
  const { params } = useLocation()
  const list = useQuery({ queryKey: webhooksKey, queryFn: listWebhooks, enabled: can('admin') })
  // The secret is in the create answer only: kept in memory for this visit.
  const [fresh, setFresh] = useState<CreatedWebhook | null>(null)
  if (!can('admin'))
    return (
      <main className="page narrow">
        <Empty title="Only admins manage webhooks.">Ask an admin to connect your tools.</Empty>
      </main>
    )
  const selectedId = params.get('webhook') ?? fresh?.id ?? list.data?.[0]?.id
  const selected = list.data?.find((w) => w.id === selectedId)
  return (
    <main className="page">
      <div className="page-head">
        <h1>Webhooks</h1>
        <p className="muted">
          Tell your other tools what happens on the boards: signed JSON to your own endpoint, or a message in a Slack channel when a card ships.
          Failed deliveries are retried for about a day.
        </p>
      </div>
      <section className="panel" aria-labelledby="webhooks-h">
        <h2 id="webhooks-h">Endpoints</h2>
        {list.isPending ? (
          <Spinner />
        ) : list.isError ? (
          <LoadError error={list.error} what="webhooks" retry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Empty title="No webhooks yet.">Add one below.</Empty>
        ) : (
          <ul className="integration-list">
            {list.data.map((w) => (
              <li key={w.id}>
                <button
                  type="button"
                  className="integration-item"
                  aria-current={w.id === selected?.id ? 'true' : undefined}
                  onClick={() => setParam('webhook', w.id, { replace: true })}
                >
                  <span className="integration-name">{w.description || w.url}</span>
                  <span className="muted small">
                    {w.format === 'slack' ? 'Slack' : 'Standard'} · {w.events.length} events{w.enabled ? '' : ' · paused'} · added {formatDate(w.created_at)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <NewWebhook
          onCreated={(w) => {
            setFresh(w)
            setParam('webhook', w.id, { replace: true })
          }}
        />
      </section>
      {selected && (
        <WebhookDetail
          key={selected.id}
          webhook={selected}
          secret={fresh?.id === selected.id ? fresh.secret : undefined}
          onDeleted={() => {
            setFresh(null)
            setParam('webhook', null, { replace: true })
          }}
        />
      )}
    </main>
  )
}
