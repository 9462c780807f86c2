import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { flushMs, liveQueue, type CardChange } from './liveQueue'
import { keys } from './queries'
import type { Card, LiveEvent } from './types'
import { makeCard } from '../test/fixtures'

const ev = (type: LiveEvent['type'], card: Card, from?: string): LiveEvent => ({ type, board_id: card.board_id, card_id: card.id, card, from_column_id: from })

function setup() {
  vi.useFakeTimers()
  const qc = new QueryClient()
  const batches: CardChange[][] = []
  const q = liveQueue(qc)
  q.patcher = (_, changes) => batches.push(changes)
  return { qc, q, batches }
}
afterEach(() => {
  vi.useRealTimers()
})

describe('the live queue', () => {
  it('applies a burst once per tick, one change per card: where it was first, what it is last', () => {
    const { q, batches } = setup()
    const a = makeCard({ id: 'a', column_id: 'c1', version: 1 })
    q.push('card.created', ev('card.created', a))
    q.push('card.moved', ev('card.moved', { ...a, column_id: 'c2', version: 2 }, 'c1'))
    for (let i = 0; i < 500; i++) q.push('card.created', ev('card.created', makeCard({ id: 'n' + i })))
    expect(batches).toEqual([])
    vi.advanceTimersByTime(flushMs)
    expect(batches).toHaveLength(1)
    expect(batches[0]).toHaveLength(501)
    expect(batches[0]![0]).toMatchObject({ id: 'a', before: null, card: { column_id: 'c2', version: 2 } })
  })

  it('tells where a card was from the events: moved from, archived from, unknown for an update', () => {
    const { q, batches } = setup()
    q.push('card.moved', ev('card.moved', makeCard({ id: 'm', column_id: 'c2' }), 'c1'))
    q.push('card.archived', ev('card.archived', makeCard({ id: 'r', column_id: 'c3', archived_at: '2026-12-02T08:00:00Z' })))
    q.push('card.updated', ev('card.updated', makeCard({ id: 'u', column_id: 'c3' })))
    q.flush()
    expect(batches[0]!.map((c) => [c.id, c.before])).toEqual([['m', 'c1'], ['r', 'c3'], ['u', undefined]])
  })

  it('holds the events of a card this tab is moving until its answer is in; the echo then knows where it is', () => {
    const { q, batches } = setup()
    const a = makeCard({ id: 'a', column_id: 'c2', version: 4 })
    q.hold('a')
    q.push('card.moved', ev('card.moved', a, 'c1'))
    vi.advanceTimersByTime(flushMs * 3)
    expect(batches).toEqual([])
    q.record(a)
    q.release('a')
    vi.advanceTimersByTime(flushMs)
    expect(batches[0]).toEqual([{ id: 'a', card: a, before: 'c2' }])
  })

  it('drops an event older than what this tab has shown', () => {
    const { q, batches } = setup()
    q.record(makeCard({ id: 'a', version: 5 }))
    q.push('card.updated', ev('card.updated', makeCard({ id: 'a', version: 4 })))
    q.flush()
    expect(batches).toEqual([])
  })

  it('applies this tab’s own change at once, and its echo as a card already there', () => {
    const { q, batches } = setup()
    const c = makeCard({ id: 'new', column_id: 'c1', version: 1 })
    q.now('card.created', c, null)
    expect(batches).toEqual([[{ id: 'new', card: c, before: null }]])
    q.push('card.created', ev('card.created', c))
    q.flush()
    expect(batches[1]).toEqual([{ id: 'new', card: c, before: 'c1' }])
  })

  it('updates the card’s own entry and its delivery counts, and drops an archived card’s entry', () => {
    const { qc, q } = setup()
    qc.setQueryData(keys.deliveries('a'), { summary: { queued: 3, sent: 0, failed: 0, suppressed: 0 }, items: [], next_cursor: null })
    q.push('delivery.progress', { type: 'delivery.progress', board_id: null, card_id: 'a', card: null, summary: { queued: 2, sent: 1, failed: 0, suppressed: 0 } })
    q.push('delivery.progress', { type: 'delivery.progress', board_id: null, card_id: 'a', card: null, summary: { queued: 1, sent: 2, failed: 0, suppressed: 0 } })
    q.push('card.updated', ev('card.updated', makeCard({ id: 'b', title: 'Renamed', version: 4 })))
    qc.setQueryData(keys.card('c'), makeCard({ id: 'c' }))
    q.push('card.archived', ev('card.archived', makeCard({ id: 'c', archived_at: '2026-12-02T08:00:00Z', version: 4 })))
    vi.advanceTimersByTime(flushMs)
    expect(qc.getQueryData<{ summary: { sent: number } }>(keys.deliveries('a'))!.summary.sent).toBe(2)
    expect(qc.getQueryData<Card>(keys.card('b'))!.title).toBe('Renamed')
    expect(qc.getQueryData(keys.card('c'))).toBeUndefined()
  })
})

describe('while a card is dragged', () => {
  it('keeps every change queued, own ones too, and applies them in one batch after the drop', () => {
    const { q, batches } = setup()
    q.pause()
    q.push('card.created', ev('card.created', makeCard({ id: 'a' })))
    q.now('card.updated', makeCard({ id: 'b' }), 'c-open')
    vi.advanceTimersByTime(flushMs * 5)
    expect(batches).toEqual([])
    q.resume()
    vi.advanceTimersByTime(flushMs)
    expect(batches.map((b) => b.map((c) => c.id))).toEqual([['a', 'b']])
  })
})
