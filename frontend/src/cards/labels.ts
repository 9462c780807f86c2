/** "a, b,, c " → ["a","b","c"]: labels are typed as one comma-separated line. */
export function parseLabels(s: string): string[] {
  const seen = new Set<string>()
  for (const part of s.split(',')) {
    const l = part.trim()
    if (l) seen.add(l)
  }
  return [...seen]
}
