import { describe, expect, it } from 'vitest'
import { busiestDay, chartDays } from './series'

const today = new Date('2026-12-02T15:00:00Z')

describe('chartDays', () => {
  it('fills the days without answers and keeps a running share of yes', () => {
    const got = chartDays(
      [
        { day: '2026-11-20', yes: 1, no: 1 },
        { day: '2026-11-30', yes: 2, no: 0 },
      ],
      today,
    )
    expect(got).toHaveLength(14)
    expect(got[0]!.day).toBe('2026-11-19')
    expect(got.at(-1)!.day).toBe('2026-12-02')
    expect(got[0]!.share).toBeNull()
    const nov20 = got.find((d) => d.day === '2026-11-20')!
    expect([nov20.yes, nov20.no, nov20.share]).toEqual([1, 1, 50])
    expect(got.find((d) => d.day === '2026-11-25')!.share).toBe(50)
    expect(got.at(-1)!.share).toBe(75)
  })

  it('starts at the first answer when it is older than the minimum, and never reaches past 90 days', () => {
    expect(chartDays([{ day: '2026-10-03', yes: 1, no: 0 }], today)[0]!.day).toBe('2026-10-03')
    const long = chartDays([{ day: '2026-01-01', yes: 1, no: 0 }], today)
    expect(long).toHaveLength(90)
    expect(long[0]!.share).toBeNull() // the old answer is outside the window shown
  })

  it('shows an empty fortnight when nobody answered', () => {
    const got = chartDays([], today)
    expect(got).toHaveLength(14)
    expect(got.every((d) => d.yes + d.no === 0 && d.share === null)).toBe(true)
    expect(busiestDay(got)).toBeNull()
  })
})
