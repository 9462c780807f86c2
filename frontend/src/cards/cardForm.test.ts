import { describe, expect, it } from 'vitest'
import { makeCard } from '../test/fixtures'
import { changedFields, formOf, rebase } from './cardForm'

describe('cardForm', () => {
  const start = makeCard({ title: 'Dark mode', description: 'Please', labels: ['ui'] })

  it('labels count as changed only when the list they mean changes', () => {
    expect(changedFields({ ...formOf(start), labels: ' ui, ' }, formOf(start))).toEqual([])
    expect(changedFields({ ...formOf(start), labels: 'ui, a11y' }, formOf(start))).toEqual(['labels'])
  })

  it('rebase keeps the fields the person changed and takes the rest from the newer version', () => {
    const typed = { ...formOf(start), title: 'Dark theme' }
    const newer = makeCard({ title: 'Night mode', description: 'Rewritten', kind: 'issue', labels: ['ui', 'mobile'], version: 4 })
    expect(rebase(typed, start, newer)).toEqual({ title: 'Dark theme', description: 'Rewritten', kind: 'issue', labels: 'ui, mobile' })
  })
})
