import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { applyLiveEvent } from './live'
import { keys } from './queries'
import type { Card, LiveEvent } from './types'
import { board, makeCard } from '../test/fixtures'

const event = (card: Card): LiveEvent => ({ type: 'card.moved', board_id: card.board_id, card_id: card.id, card })

describe('applyLiveEvent', () => {
  it('patches a card in the board list, appends a new one, drops an archived one', () => {
    const qc = new QueryClient()
    const a = makeCard({ id: 'a', title: 'A', version: 1 })
    const b = makeCard({ id: 'b', title: 'B', version: 1 })
    const key = keys.cards(board.id, { q: '', kind: '', label: '', sort: 'position' })
    qc.setQueryData(key, [a, b])
    applyLiveEvent(qc, 'card.moved', event({ ...a, column_id: 'col-2', version: 2 }))
    expect(qc.getQueryData<Card[]>(key)!.map((c) => [c.id, c.column_id])).toEqual([['a', 'col-2'], ['b', b.column_id]])
    applyLiveEvent(qc, 'card.created', event(makeCard({ id: 'c', title: 'C' })))
    expect(qc.getQueryData<Card[]>(key)!.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    applyLiveEvent(qc, 'card.archived', event({ ...b, archived_at: '2026-12-02T08:00:00Z', version: 2 }))
    expect(qc.getQueryData<Card[]>(key)!.map((c) => c.id)).toEqual(['a', 'c'])
    expect(qc.getQueryData<Card>(keys.card('a'))!.column_id).toBe('col-2')
  })

  it('never replaces a newer version with an older one', () => {
    const qc = new QueryClient()
    const key = keys.cards(board.id, { q: '', kind: '', label: '', sort: 'position' })
    const a = makeCard({ id: 'a', title: 'New title', version: 3 })
    qc.setQueryData(key, [a])
    applyLiveEvent(qc, 'card.updated', event({ ...a, title: 'Old title', version: 2 }))
    expect(qc.getQueryData<Card[]>(key)![0]!.title).toBe('New title')
  })

  it('refetches filtered lists instead of guessing', () => {
    const qc = new QueryClient()
    const key = keys.cards(board.id, { q: 'dark', kind: '', label: '', sort: 'position' })
    qc.setQueryData(key, [])
    applyLiveEvent(qc, 'card.created', event(makeCard({ id: 'z', title: 'Dark mode' })))
    expect(qc.getQueryData<Card[]>(key)).toEqual([])
    expect(qc.getQueryState(key)!.isInvalidated).toBe(true)
  })

  it('moves the delivery counts of a shipped card', () => {
    const qc = new QueryClient()
    qc.setQueryData(keys.deliveries('a'), { summary: { queued: 3, sent: 0, failed: 0, suppressed: 0 }, items: [], next_cursor: null })
    applyLiveEvent(qc, 'delivery.progress', { type: 'delivery.progress', board_id: null, card_id: 'a', card: null, summary: { queued: 1, sent: 2, failed: 0, suppressed: 0 } })
    expect(qc.getQueryData<{ summary: { sent: number } }>(keys.deliveries('a'))!.summary.sent).toBe(2)
  })
})
