// The shapes of the public v1 API under the names the app uses. Every one is an alias of a
// schema generated from api/openapi.json (schema.gen.ts, `npm run gen:api`), so the document
// is the one source: a field the API adds, drops or makes nullable changes these types, and
// `make lint` fails when schema.gen.ts is not regenerated.
import type { components, operations } from './schema.gen'

type Schemas = components['schemas']

export type Role = Schemas['Member']['role']
export type Stage = Schemas['Column']['stage']
export type Kind = Schemas['Card']['kind']
export type Tool = Schemas['Conversation']['tool']
export type DeliveryStatus = Schemas['Delivery']['status']

/** The one error shape every failure answers with. */
export type ApiErrorBody = Schemas['Error']

/** Every list answers a page: its items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export type Member = Schemas['Member']
export type Session = Schemas['Session']
export type SignedIn = Schemas['SignedIn']
export type ApiToken = Schemas['Token']
/** The answer to POST /tokens: the only time the secret is shown. */
export type CreatedToken = Schemas['CreatedToken']

export type Column = Schemas['Column']
export type Board = Schemas['Board']
export type Card = Schemas['Card']
/** A page of a board's cards (GET /boards/{id}/cards) with how many the filters match on all pages. */
export type CardPage = Schemas['CardList'] & { total: number }
export type Activity = Schemas['Activity']
export type Comment = Schemas['Comment']
export type Teammate = Schemas['Teammate']
export type BoardLabel = Schemas['BoardLabel']
export type LabelPatch = Schemas['LabelPatch']
export type LabelColor = BoardLabel['color']

export type RequesterRef = Schemas['RequesterBrief']
export type Quote = Schemas['Quote']
/** A requester of a card (GET /cards/{id}/requests), with their conversations on it. */
export type CardRequest = Schemas['Request']
/** The answer to linking a requester (POST /cards/{id}/requests). */
export type LinkedRequest = Schemas['LinkedRequest']
export type Conversation = Schemas['Conversation']
export type Requester = Schemas['Requester']
/** One request as seen from the requester's side (GET /requesters/{id}/requests). */
export type RequesterRequest = Schemas['RequesterRequest']

export type Delivery = Schemas['Delivery']
export type DeliverySummary = Schemas['DeliverySummary']
export type CardDeliveries = Schemas['DeliveryList']
export type EmailPreview = Schemas['EmailPreview']

// "Did this solve it?": a board's answers (per card, totals, per day) and one card's answers.
export type Satisfaction = Schemas['Satisfaction']
export type CardSatisfaction = Satisfaction['items'][number]
export type SatisfactionDay = Satisfaction['days'][number]
export type Reaction = Schemas['ReactionList']['items'][number]

// Imports, exports and merges.
export type Import = Schemas['Import']
export type ImportPreview = Schemas['ImportPreview']
export type RequestsImport = Schemas['RequestsImport']
export type CardMerge = Schemas['CardMerge']
export type RequesterMerge = Schemas['RequesterMerge']

// Request bodies.
export type NewMember = Schemas['NewMember']
export type MemberPatch = Schemas['MemberPatch']
export type MemberLink = Schemas['MemberLink']
export type OwnAccountPatch = Schemas['OwnAccountPatch']
export type NewToken = Schemas['NewToken']
export type NewBoard = Schemas['NewBoard']
export type BoardPatch = Schemas['BoardPatch']
export type NewColumn = Schemas['NewColumn']
export type ColumnPatch = Schemas['ColumnPatch']
export type NewCard = Schemas['NewCard']
export type CardPatch = Schemas['CardPatch']
export type CardMove = Schemas['CardMove']
export type NewRequest = Schemas['NewRequest']

/** The filters and sort of a board's card list (GET /boards/{id}/cards). */
export type CardQuery = NonNullable<operations['listCards']['parameters']['query']>

/** The data of one GET /events event (live updates). */
export type LiveEvent = Schemas['LiveEvent']
/** GET /search: hits across boards, grouped by board, and the words searched for. */
export type SearchResults = Schemas['SearchResults']
export type SearchHit = Schemas['SearchHit']
