import { memo } from 'react'
import { useTeammates } from '../api/queries'

/** "Ada Lovelace" → "AL"; one name → its first two letters. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : ''
  if (!first) return '?'
  return (last ? first.charAt(0) + last.charAt(0) : first.slice(0, 2)).toUpperCase()
}

/** The card owner's initials in a small circle; the name is its title and accessible text. */
export const OwnerAvatar = memo(function OwnerAvatar({ id }: { id: string }) {
  const teammates = useTeammates()
  const name = teammates.data?.find((m) => m.id === id)?.name ?? 'a former member'
  return (
    <span className="owner-avatar" title={`Owner: ${name}`}>
      <span aria-hidden="true">{teammates.data ? initials(name) : '·'}</span>
      <span className="sr-only">Owner: {name}</span>
    </span>
  )
})
