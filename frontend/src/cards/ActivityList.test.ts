import { describe, expect, it } from 'vitest'
import type { Activity } from '../api/types'
import { sentence } from './ActivityList'

const names: Record<string, string> = { a: 'Ideas', b: 'Done' }
const col = (id?: string | null) => names[id ?? ''] ?? 'another column'
const act = (action: string, extra: Partial<Activity> = {}): Activity => ({
  id: '1', card_id: 'k1', board_id: 'b1', actor: 'Ada', action, from_column_id: null, to_column_id: null, detail: {}, created_at: '', ...extra,
})

describe('sentence', () => {
  const cases: [Activity, string][] = [
    [act('created', { to_column_id: 'a' }), 'created it in Ideas'],
    [act('edited', { detail: { fields: ['title', 'release_note'] } }), 'edited the title, release note'],
    [act('moved', { from_column_id: 'a', to_column_id: 'b' }), 'moved it from Ideas to Done'],
    [act('moved', { from_column_id: 'a', to_column_id: 'a' }), 'reordered it in Ideas'],
    [act('moved', { from_column_id: 'x', to_column_id: 'a', detail: { from_board_id: 'B2' } }), 'moved it here from another board, into Ideas'],
    [act('shipped', { from_column_id: 'a', to_column_id: 'b' }), 'shipped it (moved to Done)'],
    [act('archived'), 'deleted it'],
    [act('request_linked', { detail: { requester_id: 'r1', new: true } }), 'linked Jane Doe'],
    [act('request_linked', { detail: { requester_id: 'r1', new: false } }), 'added another quote from Jane Doe'],
    [act('request_unlinked', { detail: { requester_id: 'gone' } }), 'removed a requester'],
    [act('conversation_linked', { detail: { tool: 'helpscout' } }), 'linked a Help Scout conversation'],
    [act('requester_erased'), 'erased a requester’s personal data'],
    [act('something_new'), 'something new'],
  ]
  for (const [a, want] of cases) {
    it(want, () => expect(sentence(a, col, (id) => (id === 'r1' ? 'Jane Doe' : undefined))).toBe(want))
  }
})
