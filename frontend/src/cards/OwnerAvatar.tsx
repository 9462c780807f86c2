/** "Ada Lovelace" → "AL"; one name → its first two letters. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : ''
  if (!first) return '?'
  return (last ? first.charAt(0) + last.charAt(0) : first.slice(0, 2)).toUpperCase()
}

/**
 * The card owner's initials in a small circle; the name is its title and accessible text.
 * `name`: null for a former member, undefined while the team is still being read.
 */
export function OwnerAvatar({ name }: { name: string | null | undefined }) {
  const shown = name ?? 'a former member'
  return (
    <span className="owner-avatar" title={`Owner: ${shown}`}>
      <span aria-hidden="true">{name === undefined ? '·' : initials(shown)}</span>
      <span className="sr-only">Owner: {shown}</span>
    </span>
  )
}
