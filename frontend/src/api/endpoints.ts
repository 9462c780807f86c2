import { api, listAll, query } from './client'
import type {
  Activity, ApiToken, Board, Card, CardDeliveries, CardRequest, Column, Conversation, Delivery,
  EmailPreview, Kind, Member, Page, Requester, RequesterRequest, Role, Session, Stage,
} from './types'

// One function per API route the UI uses; names follow the routes in api/routes.go.

export const getSession = () => api<Session>('GET', '/session')
export const signIn = (email: string, password: string) => api<Session>('POST', '/session', { email, password })
export const signOut = () => api<void>('DELETE', '/session')

export const listMembers = () => listAll<Member>('/members')
export const createMember = (m: { email: string; name: string; role: Role; password: string }) =>
  api<Member>('POST', '/members', m)
export const updateMember = (id: string, patch: { role?: Role; name?: string }) =>
  api<Member>('PATCH', `/members/${id}`, patch)
export const deleteMember = (id: string) => api<void>('DELETE', `/members/${id}`)
export const listTokens = () => listAll<ApiToken>('/tokens')
export const createToken = (t: { name: string; role: Role }) => api<ApiToken>('POST', '/tokens', t)
export const revokeToken = (id: string) => api<void>('DELETE', `/tokens/${id}`)

export const listBoards = () => listAll<Board>('/boards')
export const getBoard = (id: string) => api<Board>('GET', `/boards/${id}`)
export const createBoard = (b: { name: string; description?: string }) => api<Board>('POST', '/boards', b)
export const updateBoard = (id: string, patch: Partial<Pick<Board, 'name' | 'description' | 'email_subject' | 'email_intro'>>) =>
  api<Board>('PATCH', `/boards/${id}`, patch)
export const deleteBoard = (id: string) => api<void>('DELETE', `/boards/${id}`)
export const createColumn = (boardId: string, c: { name: string; stage: Stage; position?: number }) =>
  api<Column>('POST', `/boards/${boardId}/columns`, c)
export const updateColumn = (id: string, patch: { name?: string; stage?: Stage; position?: number }) =>
  api<Column>('PATCH', `/columns/${id}`, patch)
export const deleteColumn = (id: string) => api<void>('DELETE', `/columns/${id}`)

export interface CardFilter {
  q?: string
  kind?: Kind | ''
  label?: string
  sort?: 'position' | 'demand' | 'recent'
}

export const listCards = (boardId: string, f: CardFilter = {}) =>
  listAll<Card>(`/boards/${boardId}/cards`, { q: f.q, kind: f.kind || undefined, label: f.label, sort: f.sort })
export const getCard = (id: string) => api<Card>('GET', `/cards/${id}`)
export const createCard = (boardId: string, c: { column_id: string; kind: Kind; title: string; description?: string; labels?: string[] }) =>
  api<Card>('POST', `/boards/${boardId}/cards`, c)
export type CardPatch = Partial<Pick<Card, 'title' | 'description' | 'kind' | 'labels' | 'release_note'>>
export const updateCard = (id: string, patch: CardPatch, version: number) =>
  api<Card>('PATCH', `/cards/${id}`, patch, { ifMatch: version })
export const deleteCard = (id: string) => api<void>('DELETE', `/cards/${id}`)

export interface MoveInput {
  column_id: string
  before_id?: string
  after_id?: string
  release_note?: string
}
export const moveCard = (id: string, m: MoveInput, version?: number) =>
  api<Card>('POST', `/cards/${id}/move`, m, { ifMatch: version })
export const listActivity = (cardId: string) => api<Page<Activity>>('GET', `/cards/${cardId}/activity?limit=100`)

export interface RequestInput {
  email: string
  name?: string
  company?: string
  quote?: string
  source?: string
  conversation_url?: string
}
export const createRequest = (cardId: string, r: RequestInput) => api<CardRequest>('POST', `/cards/${cardId}/requests`, r)
export const listRequests = (cardId: string) => listAll<CardRequest>(`/cards/${cardId}/requests`)
export const deleteRequest = (cardId: string, requesterId: string) =>
  api<void>('DELETE', `/cards/${cardId}/requests/${requesterId}`)
export const listConversations = (cardId: string) => listAll<Conversation>(`/cards/${cardId}/conversations`)

export const listRequesters = (q: string) => api<Page<Requester>>('GET', '/requesters' + query({ q, limit: 50 }))
export const getRequester = (id: string) => api<Requester>('GET', `/requesters/${id}`)
export const eraseRequester = (id: string) => api<void>('DELETE', `/requesters/${id}`)
export const listRequesterRequests = (id: string) => listAll<RequesterRequest>(`/requesters/${id}/requests`)
export const listRequesterDeliveries = (id: string) => api<Page<Delivery>>('GET', `/requesters/${id}/deliveries?limit=100`)

export const listDeliveries = (cardId: string) => api<CardDeliveries>('GET', `/cards/${cardId}/deliveries?limit=100`)
export const emailPreview = (cardId: string, requesterId?: string) =>
  api<EmailPreview>('GET', `/cards/${cardId}/email-preview` + query({ requester_id: requesterId }))

/** The board's most requested card: the natural example for the email preview. */
export const topCard = (boardId: string) =>
  api<Page<Card>>('GET', `/boards/${boardId}/cards?sort=demand&limit=1`).then((p) => p.items[0] ?? null)
