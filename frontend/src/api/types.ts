// The shapes of the public v1 API (shared/api.md). Optional fields are ones the contract
// adds later or that some endpoints leave out; the UI copes without them.

export type Role = 'viewer' | 'support' | 'editor' | 'admin'
export type Stage = 'open' | 'planned' | 'in_progress' | 'done' | 'declined'
export type Kind = 'idea' | 'issue' | 'request'
export type Tool = 'intercom' | 'zendesk' | 'freshdesk' | 'helpscout' | 'front' | 'email' | 'other'
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed'

/** The one error shape every failure answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> }
}

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export interface Member {
  id: string
  email: string
  name: string
  role: Role
  created_at?: string
  disabled_at?: string | null
}

export interface Session {
  member: Member
  csrf_token: string
}

export interface ApiToken {
  id: string
  name: string
  role: Role
  prefix?: string
  created_at?: string
  last_used_at?: string | null
  revoked_at?: string | null
  /** Only in the answer to POST /tokens: shown once. */
  token?: string
}

export interface Column {
  id: string
  board_id?: string
  name: string
  stage: Stage
  position: number
}

export interface Board {
  id: string
  name: string
  description: string
  email_subject?: string
  email_intro?: string
  columns: Column[]
  created_at?: string
  updated_at?: string
}

export interface Card {
  id: string
  board_id: string
  column_id: string
  kind: Kind
  title: string
  description: string
  labels: string[]
  position: string
  requester_count: number
  release_note: string
  shipped_at: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface RequesterRef {
  id: string
  email: string
  name: string
  company?: string
}

export interface Quote {
  text: string
  source?: string
  linked_by?: string
  at?: string
}

export interface CardRequest {
  requester: RequesterRef
  quote: string
  source: string
  quotes?: Quote[]
  linked_by?: string
  created_at: string
  /** The requester's conversations on this card (GET /cards/{id}/requests). */
  conversations?: Conversation[]
  /** Only in the answer to POST /cards/{id}/requests. */
  card_shipped?: boolean
}

export interface Conversation {
  id: string
  url: string
  tool: Tool
  external_id: string
  requester_id: string | null
  excerpt?: string
  created_at?: string
}

export interface Requester {
  id: string
  email: string
  name: string
  company: string
  external_ids?: Record<string, string>
  unsubscribed_at?: string | null
  bounced_at?: string | null
  created_at?: string
  request_count?: number
}

/** One request as seen from the requester's side (GET /requesters/{id}/requests). */
export interface RequesterRequest {
  card_id: string
  title: string
  board_id: string
  column_id?: string
  column_name?: string
  stage?: Stage
  shipped_at: string | null
  archived?: boolean
  quote: string
  source: string
  created_at: string
}

export interface Delivery {
  id?: string
  card_id?: string
  card_title?: string
  requester_id: string
  email: string
  kind: string
  status: DeliveryStatus
  attempts: number
  last_error: string
  queued_at?: string
  sent_at: string | null
}

export interface DeliverySummary {
  queued: number
  /** Claimed by a sender right now; some servers fold this into queued. */
  sending?: number
  sent: number
  failed: number
  suppressed: number
}

export interface CardDeliveries extends Page<Delivery> {
  summary: DeliverySummary
}

export interface Activity {
  id: string
  card_id?: string | null
  actor: string
  action: string
  from_column_id?: string | null
  to_column_id?: string | null
  detail?: Record<string, unknown>
  created_at: string
}

export interface EmailPreview {
  to: string
  subject: string
  text: string
  html: string
}
