import type { Role } from '../api/types'

// Mirrors domain/actor.go: each role includes the rights of the ones below it.
const rank: Record<Role, number> = { viewer: 1, support: 2, editor: 3, admin: 4 }

/** What the UI offers; the API enforces the same thresholds (api/routes.go). */
export type Right =
  | 'link' // link requests and conversations, remove a request (support)
  | 'edit' // boards, columns, cards, erase a requester (editor)
  | 'admin' // members and API tokens (admin)

const needs: Record<Right, Role> = { link: 'support', edit: 'editor', admin: 'admin' }

export function can(role: Role | undefined, right: Right): boolean {
  if (!role || !(role in rank)) return false
  return rank[role] >= rank[needs[right]]
}

export const roles: Role[] = ['viewer', 'support', 'editor', 'admin']

export const roleHelp: Record<Role, string> = {
  viewer: 'reads everything',
  support: 'links requests and conversations',
  editor: 'manages boards, columns and cards',
  admin: 'manages members and API tokens',
}
