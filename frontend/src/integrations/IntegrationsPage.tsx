import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { setParam, useLocation } from '../app/router'
import { useSession } from '../auth/session'
import { formatDate } from '../ui/dates'
import { Empty, LoadError, Spinner } from '../ui/States'
import { listIntegrations, type IntegrationWithSecret } from './api'
import { IntegrationDetail } from './IntegrationDetail'
import { NewIntegration } from './NewIntegration'
import { tools } from './tools'

export const integrationsKey = ['integrations'] as const

/** Help desks that link conversations to cards by themselves (api.md "Inbound"). */
export function IntegrationsPage() {
  const { can } = useSession()
  const { params } = useLocation()
  const list = useQuery({ queryKey: integrationsKey, queryFn: listIntegrations, enabled: can('admin') })
  // The secret is in the create (or rotate) answer only: kept in memory for this visit.
  const [fresh, setFresh] = useState<IntegrationWithSecret | null>(null)
  if (!can('admin'))
    return (
      <main className="page narrow">
        <Empty title="Only admins manage integrations.">Ask an admin to connect your help desk.</Empty>
      </main>
    )
  const selectedId = params.get('integration') ?? fresh?.id ?? list.data?.[0]?.id
  const selected = list.data?.find((i) => i.id === selectedId)
  return (
    <main className="page">
      <div className="page-head">
        <h1>Integrations</h1>
        <p className="muted">
          Your help desk links conversations to cards: an agent tags a conversation <code>closeloop-12</code> (or writes it in a note) and the
          customer, their words and the conversation land on card #12.
        </p>
      </div>
      <section className="panel" aria-labelledby="integrations-h">
        <h2 id="integrations-h">Connected tools</h2>
        {list.isPending ? (
          <Spinner />
        ) : list.isError ? (
          <LoadError error={list.error} what="integrations" retry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Empty title="No integrations yet.">Add your help desk below.</Empty>
        ) : (
          <ul className="integration-list">
            {list.data.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  className="integration-item"
                  aria-current={i.id === selected?.id ? 'true' : undefined}
                  onClick={() => setParam('integration', i.id, { replace: true })}
                >
                  <span className="integration-name">{i.name}</span>
                  <span className="muted small">
                    {tools[i.kind].label} · added {formatDate(i.created_at)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <NewIntegration
          onCreated={(i) => {
            setFresh(i)
            setParam('integration', i.id, { replace: true })
          }}
        />
      </section>
      {selected && (
        <IntegrationDetail
          key={selected.id}
          integration={selected}
          secret={fresh?.id === selected.id ? fresh.secret : undefined}
          onSecret={setFresh}
          onDeleted={() => {
            setFresh(null)
            setParam('integration', null, { replace: true })
          }}
        />
      )}
    </main>
  )
}
