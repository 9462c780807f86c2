// The board's label filter is `label=a,b` in the URL (and the API): cards having all of them.

/** "a, b,,a" → ["a","b"]. */
export function parseLabelFilter(s: string): string[] {
  const out: string[] = []
  for (const part of s.split(',')) {
    const l = part.trim()
    if (l && !out.includes(l)) out.push(l)
  }
  return out
}

/** The filter's value for the URL, or null for no label filter. */
export function formatLabelFilter(labels: string[]): string | null {
  return labels.length ? labels.join(',') : null
}

/** The filter with the label added, or taken out when it was there already. */
export function toggleLabel(filter: string, label: string): string | null {
  const now = parseLabelFilter(filter)
  return formatLabelFilter(now.includes(label) ? now.filter((l) => l !== label) : [...now, label])
}

/** The filter after a label was renamed across the board (merged into another when the new name was there). */
export function renameInFilter(filter: string, from: string, to: string): string | null {
  return formatLabelFilter(parseLabelFilter(parseLabelFilter(filter).map((l) => (l === from ? to : l)).join(',')))
}
