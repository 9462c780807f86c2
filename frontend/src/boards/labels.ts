import type { Kind, Stage } from '../api/types'

export const stageName: Record<Stage, string> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
}

export const stages = Object.keys(stageName) as Stage[]

export const kindName: Record<Kind, string> = { idea: 'Idea', issue: 'Issue', request: 'Request' }
export const kinds = Object.keys(kindName) as Kind[]

/** "a, b,, c " → ["a","b","c"]: labels are typed as one comma-separated line. */
export function parseLabels(s: string): string[] {
  const seen = new Set<string>()
  for (const part of s.split(',')) {
    const l = part.trim()
    if (l) seen.add(l)
  }
  return [...seen]
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}
