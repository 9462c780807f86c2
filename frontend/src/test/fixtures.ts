import type { Board, Card, CardRequest, Column, Conversation, Stage } from '../api/types'

const at = '2025-01-01T00:00:00Z'

export function makeColumn(id: string, name: string, stage: Stage, position: number, notifyDefault = false): Column {
  return { id, board_id: 'b1', name, stage, position, notify_default: notifyDefault, created_at: at, updated_at: at }
}

export const board: Board = {
  id: 'b1',
  name: 'Ideas',
  description: '',
  email_subject: '',
  email_intro: '',
  public: false,
  slug: null,
  created_at: at,
  updated_at: at,
  columns: [makeColumn('c-open', 'Ideas', 'open', 0), makeColumn('c-done', 'Done', 'done', 1)],
}

export function makeCard(extra: Partial<Card> = {}): Card {
  return {
    id: 'k1', number: 12, board_id: 'b1', column_id: 'c-open', kind: 'idea', title: 'Dark mode', description: 'Please',
    labels: ['ui'], position: 'a0', requester_count: 42, reactions: { yes: 0, no: 0 }, release_note: '', shipped_at: null, version: 3,
    created_at: at, updated_at: at, archived_at: null, merged_into_id: null, owner_id: null, ...extra,
  }
}

/** The routes a card drawer reads, answered with one card and one linked requester. */
export function drawerRoutes(card: Card) {
  const conversation: Conversation = {
    id: 'cv1', card_id: card.id, url: 'https://app.intercom.com/a/inbox/x/conversation/123', tool: 'intercom', external_id: '123',
    requester_id: 'r1', excerpt: '', created_at: at,
  }
  const request: CardRequest = {
    card_id: card.id, requester: { id: 'r1', email: 'jane@example.com', name: 'Jane', company: 'Acme' }, quote: 'I work at night',
    source: 'intercom', quotes: [{ text: 'I work at night', source: 'intercom', linked_by: 'Pat', at }], linked_by: 'Pat',
    created_at: '2025-01-02T00:00:00Z', updated_at: '2025-01-02T00:00:00Z', conversations: [conversation],
  }
  return {
    [`GET /cards/${card.id}`]: () => card,
    [`GET /cards/${card.id}/requests`]: () => ({ items: [request], next_cursor: null }),
    [`GET /cards/${card.id}/conversations`]: () => ({ items: [conversation], next_cursor: null }),
    [`GET /cards/${card.id}/activity`]: () => ({ items: [], next_cursor: null }),
    [`GET /cards/${card.id}/comments`]: () => ({ items: [], next_cursor: null }),
    'GET /teammates': () => ({ items: [{ id: 'm-editor', name: 'Pat editor' }], next_cursor: null }),
    [`GET /cards/${card.id}/deliveries`]: () => ({ summary: { queued: 0, sent: 0, failed: 0, suppressed: 0 }, items: [], next_cursor: null }),
    'GET /boards': () => ({ items: [board], next_cursor: null }),
  }
}
