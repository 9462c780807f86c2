import { describe, expect, it } from 'vitest'
import { isTyping, shortcutOf, shortcutSheet, step } from './shortcuts'

const key = (k: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...more,
})

describe('shortcutOf', () => {
  it('maps the board keys for an editor', () => {
    const got = ['?', 'n', 'e', 'm', 'a', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'x', 'Enter'].map((k) => shortcutOf(key(k), true))
    expect(got).toEqual(['help', 'new', 'edit', 'move', 'archive', 'up', 'down', 'left', 'right', null, null])
  })
  it('gives a viewer only the reading keys', () => {
    const got = ['?', 'n', 'e', 'm', 'a', 'ArrowDown'].map((k) => shortcutOf(key(k), false))
    expect(got).toEqual(['help', null, null, null, null, 'down'])
  })
  it('never fires with a modifier', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) expect(shortcutOf(key('a', { [mod]: true }), true)).toBeNull()
  })
  it('never fires while typing', () => {
    const input = document.createElement('input')
    const area = document.createElement('textarea')
    const select = document.createElement('select')
    const editable = document.createElement('div')
    editable.setAttribute('contenteditable', 'true')
    const inside = document.createElement('span')
    editable.append(inside)
    document.body.append(editable)
    for (const target of [input, area, select, editable, inside]) {
      expect(isTyping(target)).toBe(true)
      expect(shortcutOf(key('a', { target }), true)).toBeNull()
      expect(shortcutOf(key('ArrowDown', { target }), true)).toBeNull()
    }
    expect(isTyping(document.createElement('button'))).toBe(false)
    editable.remove()
  })
})

describe('step', () => {
  const counts = [3, 0, 5, 1]
  it('goes up and down within the column and stops at its ends', () => {
    expect(step(counts, { column: 0, index: 1 }, 'down')).toEqual({ column: 0, index: 2 })
    expect(step(counts, { column: 0, index: 2 }, 'down')).toEqual({ column: 0, index: 2 })
    expect(step(counts, { column: 0, index: 0 }, 'up')).toEqual({ column: 0, index: 0 })
    expect(step(counts, { column: 2, index: 4 }, 'up')).toEqual({ column: 2, index: 3 })
  })
  it('goes across to the nearest column with cards, at the same row or its last card', () => {
    expect(step(counts, { column: 0, index: 2 }, 'right')).toEqual({ column: 2, index: 2 })
    expect(step(counts, { column: 2, index: 4 }, 'right')).toEqual({ column: 3, index: 0 })
    expect(step(counts, { column: 2, index: 4 }, 'left')).toEqual({ column: 0, index: 2 })
    expect(step(counts, { column: 3, index: 0 }, 'right')).toBeNull()
    expect(step(counts, { column: 0, index: 0 }, 'left')).toBeNull()
  })
  it('starts at the first card of the board from nowhere', () => {
    expect(step([0, 2], null, 'down')).toEqual({ column: 1, index: 0 })
    expect(step([0, 0], null, 'right')).toBeNull()
  })
  it('copes with a column that lost cards under the focus', () => {
    expect(step([2], { column: 0, index: 5 }, 'up')).toEqual({ column: 0, index: 0 })
    expect(step([2], { column: 0, index: 5 }, 'down')).toEqual({ column: 0, index: 1 })
  })
})

describe('shortcutSheet', () => {
  it('lists the editing keys only for editors', () => {
    const keysOf = (canEdit: boolean) => shortcutSheet(canEdit).flatMap((s) => s.keys)
    expect(keysOf(true)).toEqual(expect.arrayContaining(['n', 'e', 'm', 'a', 'Space', '/', '?', 'Esc']))
    expect(keysOf(false)).not.toEqual(expect.arrayContaining(['n']))
    expect(keysOf(false)).toEqual(expect.arrayContaining(['/', '?', 'Esc', 'Enter']))
  })
})
