import { describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import type { Card, CardPage } from '../api/types'
import type { CardChange } from '../api/liveQueue'
import { keys } from '../api/queries'
import { makeCard } from '../test/fixtures'
import { loadedCards, totalOf, type ColumnData } from './columnCache'
import { patchBoardColumns, patchColumn } from './livePatch'

const card = (id: string, column: string, position: string, extra: Partial<Card> = {}) =>
  makeCard({ id, board_id: 'B', column_id: column, title: id.toUpperCase(), position, version: 1, ...extra })

function column(items: Card[], total: number, more = false): ColumnData {
  const page: CardPage = { items, next_cursor: more ? 'next' : null, total }
  return { pages: [page], pageParams: [null] }
}
const ids = (d: ColumnData) => loadedCards(d).map((c) => c.id)
const change = (c: Card | null, before: string | null | undefined, id = c?.id ?? '?'): CardChange => ({ id, card: c, before })

const x = card('x', 'a', 'a0'), y = card('y', 'a', 'a1'), z = card('z', 'a', 'a2'), w = card('w', 'b', 'a0')

describe('patchColumn', () => {
  it('takes a card out of the column it left and counts it out, loaded or not', () => {
    const d = column([x, y], 40, true)
    const moved = change({ ...y, column_id: 'b', version: 2 }, 'a')
    expect(ids(patchColumn(d, 'a', moved))).toEqual(['x'])
    expect(totalOf(patchColumn(d, 'a', moved))).toBe(39)
    const deep = change(card('deep', 'b', 'a5', { version: 2 }), 'a')
    const after = patchColumn(d, 'a', deep)
    expect(ids(after)).toEqual(['x', 'y'])
    expect(totalOf(after)).toBe(39)
  })

  it('puts a card into the column it joined at its rank, or only counts it past the loaded pages', () => {
    const d = column([x, z], 2)
    expect(ids(patchColumn(d, 'a', change(card('q', 'a', 'a1'), null)))).toEqual(['x', 'q', 'z'])
    const partial = column([x, z], 50, true)
    const later = patchColumn(partial, 'a', change(card('q', 'a', 'b9'), 'b'))
    expect(ids(later)).toEqual(['x', 'z'])
    expect(totalOf(later)).toBe(51)
    expect(totalOf(patchColumn(partial, 'a', change(card('q', 'a', 'a1'), null)))).toBe(51)
  })

  it('reorders within a column without changing its count, even past the loaded pages', () => {
    const d = column([x, y, z], 30, true)
    const down = patchColumn(d, 'a', change({ ...x, position: 'b5', version: 2 }, 'a'))
    expect(ids(down)).toEqual(['y', 'z'])
    expect(totalOf(down)).toBe(30)
    const up = patchColumn(d, 'a', change(card('deep', 'a', 'a1V', { version: 2 }), 'a'))
    expect(ids(up)).toEqual(['x', 'y', 'deep', 'z'])
    expect(totalOf(up)).toBe(30)
  })

  it('changes nothing for the echo of what is shown, an older version, or an edit of a card not loaded', () => {
    const d = column([x, y], 20, true)
    expect(patchColumn(d, 'a', change({ ...y }, 'a'))).toBe(d)
    expect(patchColumn(column([{ ...y, version: 3 }], 1), 'a', change({ ...y, title: 'old', version: 2 }, 'a')).pages[0]!.items[0]!.version).toBe(3)
    expect(patchColumn(d, 'a', change(card('deep', 'a', 'b5', { title: 'edited' }), undefined))).toBe(d)
    const other = column([w], 1)
    expect(patchColumn(other, 'b', change({ ...y, title: 'edited' }, 'a'))).toBe(other)
  })

  it('patches an edited card in place, keeping the other tiles the same objects', () => {
    const d = column([x, y], 2)
    const edited = patchColumn(d, 'a', change({ ...y, title: 'New', requester_count: 7 }, 'a'))
    expect(loadedCards(edited)[1]).toMatchObject({ title: 'New', requester_count: 7 })
    expect(loadedCards(edited)[0]).toBe(x)
    expect(totalOf(edited)).toBe(2)
  })

  it('drops an archived or deleted card', () => {
    const d = column([x, y], 2)
    expect(ids(patchColumn(d, 'a', change({ ...x, archived_at: '2026-12-02T08:00:00Z', version: 2 }, 'a')))).toEqual(['y'])
    expect(totalOf(patchColumn(d, 'a', change(null, undefined, 'y')))).toBe(1)
  })
})

describe('patchBoardColumns', () => {
  const plain = { q: '', kind: '' as const, label: '', owner: '' as const, sort: 'position' as const }
  it('writes only the columns a batch touches and has the server refetch a filtered one', () => {
    const qc = new QueryClient()
    qc.setQueryData(keys.columnCards('B', 'a', plain), column([x, y, z], 3))
    qc.setQueryData(keys.columnCards('B', 'b', plain), column([w], 1))
    qc.setQueryData(keys.columnCards('B', 'c', plain), column([], 0))
    qc.setQueryData(keys.columnCards('B', 'a', { ...plain, q: 'dark' }), column([x], 1))
    const untouched = qc.getQueryData(keys.columnCards('B', 'c', plain))
    const spy = vi.spyOn(qc, 'invalidateQueries')
    patchBoardColumns(qc, [change({ ...y, column_id: 'b', position: 'a1', version: 2 }, 'a'), change(card('n', 'b', 'a2'), null)])
    const get = (col: string) => qc.getQueryData<ColumnData>(keys.columnCards('B', col, plain))!
    expect(ids(get('a'))).toEqual(['x', 'z'])
    expect(ids(get('b'))).toEqual(['w', 'y', 'n'])
    expect(totalOf(get('b'))).toBe(3)
    expect(get('c')).toBe(untouched)
    expect(spy).toHaveBeenCalledTimes(1)
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ queryKey: keys.columnCards('B', 'a', { ...plain, q: 'dark' }), exact: true }))
  })
})
