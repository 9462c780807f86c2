import { describe, expect, it } from 'vitest'
import type { Role } from '../api/types'
import { can, type Right } from './roles'

describe('can', () => {
  const table: [Role | undefined, Right, boolean][] = [
    ['viewer', 'link', false],
    ['viewer', 'edit', false],
    ['viewer', 'admin', false],
    ['support', 'link', true],
    ['support', 'edit', false],
    ['editor', 'link', true],
    ['editor', 'edit', true],
    ['editor', 'admin', false],
    ['admin', 'admin', true],
    ['admin', 'edit', true],
    [undefined, 'link', false],
    ['root' as Role, 'link', false],
  ]
  for (const [role, right, want] of table) {
    it(`${role} ${want ? 'may' : 'may not'} ${right}`, () => {
      expect(can(role, right)).toBe(want)
    })
  }
})
