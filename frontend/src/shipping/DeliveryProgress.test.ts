import { describe, expect, it } from 'vitest'
import { shouldPoll } from './DeliveryProgress'

const now = Date.parse('2026-01-01T12:00:00Z')
const shipped = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString()
const sum = (queued: number, sent: number, failed = 0, suppressed = 0) => ({ queued, sent, failed, suppressed })

describe('shouldPoll', () => {
  const cases: [string, ReturnType<typeof sum> | undefined, number, string | null, boolean][] = [
    ['nothing loaded yet', undefined, 3, shipped(1), true],
    ['emails queued', sum(2, 1), 3, shipped(600), true],
    ['fan-out not done right after shipping', sum(0, 0), 3, shipped(2), true],
    ['some recorded, more to come', sum(0, 1), 3, shipped(5), true],
    ['all recorded and sent', sum(0, 2, 1), 3, shipped(5), false],
    ['long after shipping, fewer than linked now (linked later)', sum(0, 2), 3, shipped(3600), false],
    ['nobody to email', sum(0, 0), 0, shipped(1), false],
  ]
  for (const [name, s, count, at, want] of cases) {
    it(name, () => expect(shouldPoll(s, { requester_count: count, shipped_at: at }, now)).toBe(want))
  }
})
