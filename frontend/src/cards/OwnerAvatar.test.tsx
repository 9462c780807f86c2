import { describe, expect, it } from 'vitest'
import { initials } from './OwnerAvatar'

describe('initials', () => {
  it('takes the first and last names’ first letters', () => {
    expect(initials('Ada Lovelace')).toBe('AL')
    expect(initials('  jean claude van damme ')).toBe('JD')
    expect(initials('Cher')).toBe('CH')
    expect(initials('')).toBe('?')
  })
})
