import { api, listAll, query } from '../api/client'
import type { components } from '../api/schema.gen'

// The routes of api.md "Outbound: webhooks and Slack", typed from api/openapi.json.
type Schemas = components['schemas']
export type Webhook = Schemas['Webhook']
/** The answer to creating a webhook: the only time the secret is shown. */
export type CreatedWebhook = Schemas['CreatedWebhook']
export type NewWebhook = Schemas['NewWebhook']
export type WebhookPatch = Schemas['WebhookPatch']
export type WebhookDelivery = Schemas['WebhookDelivery']
export type WebhookEvent = Webhook['events'][number]
export type WebhookFormat = Webhook['format']

export const webhookEvents: { event: WebhookEvent; label: string }[] = [
  { event: 'card.created', label: 'A card is added' },
  { event: 'card.moved', label: 'A card moves' },
  { event: 'card.shipped', label: 'A card ships' },
  { event: 'request.linked', label: 'A request is linked' },
  { event: 'reaction.received', label: 'A customer answers “Did this solve it?”' },
  { event: 'delivery.failed', label: 'A shipped email fails' },
]

export const webhooksKey = ['webhooks'] as const
export const deliveriesKey = (id: string) => ['webhook-deliveries', id] as const

export const listWebhooks = () => listAll<Webhook>('/webhooks')
export const createWebhook = (body: NewWebhook) => api<CreatedWebhook>('POST', '/webhooks', body)
export const updateWebhook = (id: string, body: WebhookPatch) => api<Webhook>('PATCH', `/webhooks/${id}`, body)
export const deleteWebhook = (id: string) => api<void>('DELETE', `/webhooks/${id}`)
export const testWebhook = (id: string) => api<WebhookDelivery>('POST', `/webhooks/${id}/test`)
export const retryDelivery = (id: string, deliveryId: string) =>
  api<WebhookDelivery>('POST', `/webhooks/${id}/deliveries/${deliveryId}/retry`)
export const listDeliveries = async (id: string) =>
  (await api<{ items: WebhookDelivery[] }>('GET', `/webhooks/${id}/deliveries` + query({ limit: 50 }))).items
