import { api, listAll, query } from '../api/client'
import type { components } from '../api/schema.gen'

// The routes of api.md "Inbound", with the shapes generated from api/openapi.json.
type Schemas = components['schemas']

export type Integration = Schemas['Integration']
export type IntegrationKind = Integration['kind']
/** The answer to creating an integration or rotating its secret: the only time the secret is shown. */
export type IntegrationWithSecret = Schemas['IntegrationWithSecret']
export type IntegrationEvent = Schemas['InboundEvent']
export type EventOutcome = IntegrationEvent['outcome']

export const listIntegrations = () => listAll<Integration>('/integrations')
export const createIntegration = (body: { kind: IntegrationKind; name: string; secret?: string }) =>
  api<IntegrationWithSecret>('POST', '/integrations', body)
export const deleteIntegration = (id: string) => api<void>('DELETE', `/integrations/${id}`)
export const rotateIntegrationSecret = (id: string, secret?: string) =>
  api<IntegrationWithSecret>('POST', `/integrations/${id}/secret`, secret ? { secret } : {})
export const listIntegrationEvents = async (id: string) =>
  (await api<{ items: IntegrationEvent[] }>('GET', `/integrations/${id}/events` + query({ limit: 50 }))).items
