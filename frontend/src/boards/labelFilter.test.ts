import { describe, expect, it } from 'vitest'
import { formatLabelFilter, parseLabelFilter, renameInFilter, toggleLabel } from './labelFilter'

describe('label filter', () => {
  it('parses the URL value, dropping blanks and repeats', () => {
    expect(parseLabelFilter(' billing, mobile,,billing ')).toEqual(['billing', 'mobile'])
    expect(parseLabelFilter('')).toEqual([])
  })
  it('adds and removes one label at a time', () => {
    expect(toggleLabel('', 'billing')).toBe('billing')
    expect(toggleLabel('billing', 'mobile')).toBe('billing,mobile')
    expect(toggleLabel('billing,mobile', 'billing')).toBe('mobile')
    expect(toggleLabel('mobile', 'mobile')).toBeNull()
    expect(formatLabelFilter([])).toBeNull()
  })
  it('follows a rename, merging into a label already filtered', () => {
    expect(renameInFilter('billing,mobile', 'billing', 'payments')).toBe('payments,mobile')
    expect(renameInFilter('billing,mobile', 'billing', 'mobile')).toBe('mobile')
    expect(renameInFilter('api', 'billing', 'x')).toBe('api')
  })
})
