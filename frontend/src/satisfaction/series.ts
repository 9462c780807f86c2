import type { SatisfactionDay } from '../api/types'

/** One UTC day of the chart: that day's answers and the share of yes of all answers so far. */
export interface ChartDay {
  day: string // YYYY-MM-DD
  yes: number
  no: number
  /** Share of yes, 0–100, of the answers from the first day shown up to this one; null before any. */
  share: number | null
}

const dayMs = 86_400_000
const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

/**
 * Fills the API's days (which leave out days without answers) into every day from the
 * first answer to today, showing at least `minDays` and at most `maxDays` days.
 */
export function chartDays(days: SatisfactionDay[], today: Date, minDays = 14, maxDays = 90): ChartDay[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  const byDay = new Map(days.map((d) => [d.day, d]))
  const first = days.length > 0 ? Date.parse(days[0]!.day + 'T00:00:00Z') : end
  const span = Math.min(maxDays, Math.max(minDays, Math.round((end - first) / dayMs) + 1))
  const out: ChartDay[] = []
  let yes = 0
  let no = 0
  for (let i = span - 1; i >= 0; i--) {
    const day = iso(end - i * dayMs)
    const d = byDay.get(day)
    yes += d?.yes ?? 0
    no += d?.no ?? 0
    out.push({ day, yes: d?.yes ?? 0, no: d?.no ?? 0, share: yes + no === 0 ? null : (100 * yes) / (yes + no) })
  }
  return out
}

/** "2 Dec" for a YYYY-MM-DD day, in the reader's locale, read as UTC. */
export function shortDay(day: string): string {
  return new Date(day + 'T00:00:00Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
}

/** The day with the most answers, for the chart's summary; null when there are none. */
export function busiestDay(days: ChartDay[]): ChartDay | null {
  let best: ChartDay | null = null
  for (const d of days) if (d.yes + d.no > 0 && (!best || d.yes + d.no > best.yes + best.no)) best = d
  return best
}
