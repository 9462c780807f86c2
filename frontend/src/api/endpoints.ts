import { api, listAll, query } from './client'
import type {
  Activity, BoardLabel, LabelPatch, Comment, Teammate, ApiToken, Board, BoardPatch, Card, CardDeliveries, CardPage, CardMove, CardPatch, CardQuery, CardRequest, Column,
  ColumnPatch, Conversation, CreatedToken, Delivery, EmailPreview, Kind, LinkedRequest, Member, MemberLink, MemberPatch, NewBoard,
  NewCard, NewColumn, NewMember, NewRequest, NewToken, OwnAccountPatch, Page, Requester, RequesterRequest, SearchResults, Session, SignedIn,
} from './types'

// One function per API route the UI uses; names follow the routes in api/routes.go.

export const getSession = () => api<Session>('GET', '/session')
export const signIn = (email: string, password: string) => api<SignedIn>('POST', '/session', { email, password })
export const signOut = () => api<void>('DELETE', '/session')

export const listMembers = () => listAll<Member>('/members')
export const createMember = (m: NewMember) => api<Member>('POST', '/members', m)
export const updateMember = (id: string, patch: MemberPatch) => api<Member>('PATCH', `/members/${id}`, patch)
export const deleteMember = (id: string) => api<void>('DELETE', `/members/${id}`)
export const resendInvite = (id: string) => api<Member>('POST', `/members/${id}/invite`)
export const updateOwnAccount = (patch: OwnAccountPatch) => api<Member>('PATCH', '/session', patch)
export const requestPasswordReset = (email: string) => api<{ message: string }>('POST', '/session/reset', { email })
export const getMemberLink = (token: string) => api<MemberLink>('GET', `/session/links/${encodeURIComponent(token)}`)
export const setPasswordWithLink = (token: string, password: string) =>
  api<SignedIn>('POST', `/session/links/${encodeURIComponent(token)}`, { password })
export const listBoardLabels = (boardId: string) => api<Page<BoardLabel>>('GET', `/boards/${boardId}/labels`).then((p) => p.items)
/** Renames and/or recolours a label on every card of the board. */
export const updateBoardLabel = (boardId: string, name: string, patch: LabelPatch) =>
  api<BoardLabel>('PATCH', `/boards/${boardId}/labels/${encodeURIComponent(name)}`, patch)
export const listTeammates = () => listAll<Teammate>('/teammates')
export const listTokens = () => listAll<ApiToken>('/tokens')
export const createToken = (t: NewToken) => api<CreatedToken>('POST', '/tokens', t)
export const revokeToken = (id: string) => api<void>('DELETE', `/tokens/${id}`)

export const listBoards = () => listAll<Board>('/boards')
export const getBoard = (id: string) => api<Board>('GET', `/boards/${id}`)
export const createBoard = (b: NewBoard) => api<Board>('POST', '/boards', b)
export const updateBoard = (id: string, patch: BoardPatch) => api<Board>('PATCH', `/boards/${id}`, patch)
export const deleteBoard = (id: string) => api<void>('DELETE', `/boards/${id}`)
export const createColumn = (boardId: string, c: NewColumn) => api<Column>('POST', `/boards/${boardId}/columns`, c)
export const updateColumn = (id: string, patch: ColumnPatch) => api<Column>('PATCH', `/columns/${id}`, patch)
export const deleteColumn = (id: string) => api<void>('DELETE', `/columns/${id}`)

/** The board's filters as the toolbar keeps them: '' is "no kind filter". */
export interface CardFilter extends Pick<CardQuery, 'q' | 'label' | 'sort' | 'owner'> {
  kind?: Kind | ''
}

export const listCards = (boardId: string, f: CardFilter = {}) =>
  listAll<Card>(`/boards/${boardId}/cards`, { q: f.q, kind: f.kind || undefined, label: f.label, sort: f.sort, owner: f.owner || undefined })
/** One page of one column's cards under the board's filters, with how many match in all (`total`). */
export const listColumnPage = (boardId: string, columnId: string, f: CardFilter, cursor: string | null, limit: number, signal?: AbortSignal) =>
  api<CardPage>(
    'GET',
    `/boards/${boardId}/cards` +
      query({ column_id: columnId, q: f.q, kind: f.kind || undefined, label: f.label, owner: f.owner || undefined, sort: f.sort, limit, cursor }),
    undefined,
    { signal },
  )
/** One page of a board's search, most asked first (the support form's card search). */
export const searchBoardCards = async (boardId: string, q: string, limit: number) =>
  (await api<Page<Card>>('GET', `/boards/${boardId}/cards` + query({ q, sort: 'demand', limit }))).items
export const getCardByNumber = (n: number) => api<Card>('GET', `/cards/by-number/${n}`)
export const getCard = (id: string) => api<Card>('GET', `/cards/${id}`)
export const createCard = (boardId: string, c: NewCard) => api<Card>('POST', `/boards/${boardId}/cards`, c)
export const updateCard = (id: string, patch: CardPatch, version: number) =>
  api<Card>('PATCH', `/cards/${id}`, patch, { ifMatch: version })
/** Ownership is one field on its own: no If-Match, the last choice wins. */
export const setCardOwner = (id: string, owner: string | null) => api<Card>('PATCH', `/cards/${id}`, { owner_id: owner })
export const deleteCard = (id: string) => api<void>('DELETE', `/cards/${id}`)
export const archiveCard = (id: string) => api<Card>('POST', `/cards/${id}/archive`)
export const restoreCard = (id: string) => api<Card>('POST', `/cards/${id}/restore`)
/** Deletes an archived card for good (the API refuses a live one). */
export const deleteCardForever = (id: string) => api<void>('DELETE', `/cards/${id}?permanent=true`)
export const listArchivedCards = (boardId: string) => listAll<Card>(`/boards/${boardId}/cards`, { archived: 'true' })

export const moveCard = (id: string, m: CardMove, version?: number) =>
  api<Card>('POST', `/cards/${id}/move`, m, { ifMatch: version })
export const listActivity = (cardId: string) => api<Page<Activity>>('GET', `/cards/${cardId}/activity?limit=100`)
export const listComments = (cardId: string) => listAll<Comment>(`/cards/${cardId}/comments`)
export const createComment = (cardId: string, body: string) => api<Comment>('POST', `/cards/${cardId}/comments`, { body })
export const updateComment = (id: string, body: string) => api<Comment>('PATCH', `/comments/${id}`, { body })
export const deleteComment = (id: string) => api<void>('DELETE', `/comments/${id}`)

export const createRequest = (cardId: string, r: NewRequest) => api<LinkedRequest>('POST', `/cards/${cardId}/requests`, r)
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

/** Search across boards (the command palette). */
export const searchAll = (q: string, limit = 20) => api<SearchResults>('GET', '/search' + query({ q, limit }))
