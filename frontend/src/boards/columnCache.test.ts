import { describe, expect, it } from 'vitest'
import type { Card, CardPage } from '../api/types'
import { makeCard } from '../test/fixtures'
import {
  insertCard, loadedCards, placeByPosition, removeCard, replaceCard, shownCards, shownTotal, totalOf, type ColumnData,
} from './columnCache'
import { placement } from '../api/placement'

const card = (id: string, column: string, position: string, extra: Partial<Card> = {}) =>
  makeCard({ id, board_id: 'B', column_id: column, title: id.toUpperCase(), position, ...extra })

/** A column cached as pages of the given cards (by id), `total` in all. */
function column(pages: Card[][], total: number, more = false): ColumnData {
  return {
    pages: pages.map((items, i): CardPage => ({ items, next_cursor: i === pages.length - 1 && !more ? null : 'c' + i, total })),
    pageParams: pages.map((_, i) => (i === 0 ? null : 'c' + (i - 1))),
  }
}
const ids = (d: ColumnData) => loadedCards(d).map((c) => c.id)

const x = card('x', 'a', 'a0'), y = card('y', 'a', 'a1'), z = card('z', 'a', 'a2'), w = card('w', 'b', 'a0')

describe('column pages', () => {
  it('removes and inserts across page boundaries, keeping the true count', () => {
    const d = column([[x, y], [z]], 10, true)
    const gone = removeCard(d, 'y')
    expect(ids(gone)).toEqual(['x', 'z'])
    expect(totalOf(gone)).toBe(9)
    expect(removeCard(d, 'nope')).toBe(d)
    const back = insertCard(gone, y, 2)
    expect(ids(back)).toEqual(['x', 'z', 'y'])
    expect(back.pages.map((p) => p.total)).toEqual([10, 10])
    expect(ids(insertCard(gone, w, 0))).toEqual(['w', 'x', 'z'])
    expect(ids(insertCard(gone, w, 99))).toEqual(['x', 'z', 'w'])
  })
  it('replaces a card where it is and leaves other pages the same objects', () => {
    const d = column([[x, y], [z]], 3)
    const r = replaceCard(d, { ...z, title: 'new' })
    expect(loadedCards(r)[2]!.title).toBe('new')
    expect(r.pages[0]).toBe(d.pages[0])
  })
  it('places a card by position bytewise (upper case first) among the loaded ones, or only counts it past them', () => {
    const d = column([[x, z]], 2)
    expect(ids(placeByPosition(d, card('q', 'a', 'a1')))).toEqual(['x', 'q', 'z'])
    expect(ids(placeByPosition(d, card('q', 'a', 'Zz')))).toEqual(['q', 'x', 'z'])
    const partial = column([[x, z]], 50, true)
    const later = placeByPosition(partial, card('q', 'a', 'b9'))
    expect(ids(later)).toEqual(['x', 'z'])
    expect(totalOf(later)).toBe(51)
    // A card already there moves to its new place, counted once.
    const moved = placeByPosition(d, { ...x, position: 'a3' })
    expect(ids(moved)).toEqual(['z', 'x'])
    expect(totalOf(moved)).toBe(2)
  })
})

describe('a drag in progress', () => {
  const view = { card: x, from: 'a', fromIndex: 0, to: 'b', index: 1 }
  it('takes the card out of its column and shows it in the target, counts included', () => {
    expect(shownCards([x, y, z], 'a', view).map((c) => c.id)).toEqual(['y', 'z'])
    expect(shownCards([w], 'b', view).map((c) => c.id)).toEqual(['w', 'x'])
    const other = [z]
    expect(shownCards(other, 'c', view)).toBe(other)
    expect([shownTotal(3, 'a', view), shownTotal(1, 'b', view), shownTotal(5, 'c', view)]).toEqual([2, 2, 5])
  })
  it('tells the API the neighbour it now sits before, or after when last', () => {
    expect(placement(['w', 'x'], 1, 'b')).toEqual({ column_id: 'b', after_id: 'w' })
    expect(placement(['x', 'w'], 0, 'b')).toEqual({ column_id: 'b', before_id: 'w' })
    expect(placement(['x'], 0, 'b')).toEqual({ column_id: 'b' })
  })
})
