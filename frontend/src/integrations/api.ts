import { api, listAll, query } from '../api/client'

// The routes of api.md "Inbound" with the contract's exact names. Written by hand while the
// inbound backend is being built; once its schemas are in api/openapi.json these become
// aliases of the generated types like every other shape (src/api/types.ts).

export type IntegrationKind = 'intercom' | 'zendesk' | 'freshdesk' | 'helpscout' | 'front' | 'generic'
export type EventOutcome = 'linked' | 'duplicate' | 'no_reference' | 'unmatched' | 'unknown_card'

export interface Integration {
  id: string
  kind: IntegrationKind
  name: string
  url: string
  created_at: string
}

/** The answer to creating an integration or rotating its secret: the only time the secret is shown. */
export interface IntegrationWithSecret extends Integration {
  secret: string
}

export interface IntegrationEvent {
  id: string
  received_at: string
  external_id: string
  outcome: EventOutcome
  card_id: string | null
  requester_email: string
  detail: string
  // Not in the contract's list; used when the server gives them (link by hand).
  quote?: string
  conversation_url?: string
  requester_name?: string
}

export const listIntegrations = () => listAll<Integration>('/integrations')
export const createIntegration = (body: { kind: IntegrationKind; name: string; secret?: string }) =>
  api<IntegrationWithSecret>('POST', '/integrations', body)
export const deleteIntegration = (id: string) => api<void>('DELETE', `/integrations/${id}`)
export const rotateIntegrationSecret = (id: string, secret?: string) =>
  api<IntegrationWithSecret>('POST', `/integrations/${id}/secret`, secret ? { secret } : {})
export const listIntegrationEvents = async (id: string) =>
  (await api<{ items: IntegrationEvent[] }>('GET', `/integrations/${id}/events` + query({ limit: 50 }))).items
