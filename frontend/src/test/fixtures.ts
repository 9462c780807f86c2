import type { Board, Card } from '../api/types'

export const board: Board = {
  id: 'b1',
  name: 'Ideas',
  description: '',
  columns: [
    { id: 'c-open', name: 'Ideas', stage: 'open', position: 0 },
    { id: 'c-done', name: 'Done', stage: 'done', position: 1 },
  ],
}

export function makeCard(extra: Partial<Card> = {}): Card {
  return {
    id: 'k1', board_id: 'b1', column_id: 'c-open', kind: 'idea', title: 'Dark mode', description: 'Please',
    labels: ['ui'], position: 'a0', requester_count: 42, release_note: '', shipped_at: null, version: 3,
    created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z', ...extra,
  }
}

/** The routes a card drawer reads, answered with one card and one linked requester. */
export function drawerRoutes(card: Card) {
  return {
    [`GET /cards/${card.id}`]: () => card,
    [`GET /cards/${card.id}/requests`]: () => ({
      items: [{ requester: { id: 'r1', email: 'jane@example.com', name: 'Jane', company: 'Acme' }, quote: 'I work at night', source: 'intercom', created_at: '2025-01-02T00:00:00Z' }],
      next_cursor: null,
    }),
    [`GET /cards/${card.id}/conversations`]: () => ({
      items: [{ id: 'cv1', url: 'https://app.intercom.com/a/inbox/x/conversation/123', tool: 'intercom', external_id: '123', requester_id: 'r1' }],
      next_cursor: null,
    }),
    [`GET /cards/${card.id}/activity`]: () => ({ items: [], next_cursor: null }),
    [`GET /cards/${card.id}/deliveries`]: () => ({ summary: { queued: 0, sent: 0, failed: 0, suppressed: 0 }, items: [], next_cursor: null }),
    'GET /boards': () => ({ items: [board], next_cursor: null }),
  }
}
