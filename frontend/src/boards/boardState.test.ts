import { describe, expect, it } from 'vitest'
import type { Card, Column } from '../api/types'
import { makeCard, makeColumn } from '../test/fixtures'
import { boardReducer, emptyBoard, hasMoved, layout, placement, type BoardState } from './boardState'

const columns: Column[] = [makeColumn('a', 'Ideas', 'open', 0), makeColumn('b', 'Done', 'done', 1)]

function card(id: string, column: string, position: string, extra: Partial<Card> = {}): Card {
  return makeCard({
    id, board_id: 'B', column_id: column, title: id.toUpperCase(), description: '', labels: [], position,
    requester_count: 0, version: 1, ...extra,
  })
}

const cards = [card('x', 'a', 'a0'), card('y', 'a', 'Zz'), card('z', 'a', 'a1'), card('w', 'b', 'a0')]
const loaded = (): BoardState => boardReducer(emptyBoard, { type: 'load', columns, cards, byPosition: true })

describe('layout', () => {
  it('orders by position bytewise like COLLATE "C" (upper case before lower case)', () => {
    expect(layout(columns, cards, true)).toEqual({ a: ['y', 'x', 'z'], b: ['w'] })
  })
  it('keeps the server order when sorted by demand', () => {
    expect(layout(columns, cards, false)).toEqual({ a: ['x', 'y', 'z'], b: ['w'] })
  })
  it('drops cards of unknown columns instead of crashing', () => {
    expect(layout(columns, [card('q', 'gone', 'a0')], true)).toEqual({ a: [], b: [] })
  })
})

describe('boardReducer', () => {
  it('moves a card across columns at once and remembers where it came from', () => {
    let s = boardReducer(loaded(), { type: 'begin', cardId: 'x' })
    s = boardReducer(s, { type: 'place', cardId: 'x', column: 'b', index: 0 })
    expect(s.order).toEqual({ a: ['y', 'z'], b: ['x', 'w'] })
    expect(s.cards.x!.column_id).toBe('b')
    expect(hasMoved(s, 'x')).toBe(true)
    expect(placement(s.order, 'x')).toEqual({ column_id: 'b', before_id: 'w' })
  })

  it('rolls a failed move back to the same column, index and card data', () => {
    const start = loaded()
    let s = boardReducer(start, { type: 'begin', cardId: 'z' })
    s = boardReducer(s, { type: 'place', cardId: 'z', column: 'b', index: 1 })
    s = boardReducer(s, { type: 'rollback', cardId: 'z' })
    expect(s.order).toEqual(start.order)
    expect(s.cards.z).toEqual(start.cards.z)
    expect(s.pending).toEqual({})
  })

  it('rolls back one card without undoing another card moved meanwhile', () => {
    let s = boardReducer(loaded(), { type: 'begin', cardId: 'y' })
    s = boardReducer(s, { type: 'place', cardId: 'y', column: 'b', index: 1 })
    s = boardReducer(s, { type: 'begin', cardId: 'z' })
    s = boardReducer(s, { type: 'place', cardId: 'z', column: 'b', index: 0 })
    s = boardReducer(s, { type: 'rollback', cardId: 'y' })
    expect(s.order).toEqual({ a: ['y', 'x'], b: ['z', 'w'] })
    expect(Object.keys(s.pending)).toEqual(['z'])
  })

  it('takes the server card on confirm and forgets the origin', () => {
    let s = boardReducer(loaded(), { type: 'begin', cardId: 'x' })
    s = boardReducer(s, { type: 'place', cardId: 'x', column: 'b', index: 1 })
    const server = card('x', 'b', 'a1', { version: 2, shipped_at: '2025-02-01T00:00:00Z' })
    s = boardReducer(s, { type: 'confirm', card: server })
    expect(s.cards.x).toEqual(server)
    expect(s.pending).toEqual({})
    expect(s.order.b).toEqual(['w', 'x'])
  })

  it('ignores server data while a move is in flight, then accepts it', () => {
    let s = boardReducer(loaded(), { type: 'begin', cardId: 'x' })
    s = boardReducer(s, { type: 'place', cardId: 'x', column: 'b', index: 0 })
    const stale = boardReducer(s, { type: 'load', columns, cards, byPosition: true })
    expect(stale).toBe(s)
    s = boardReducer(s, { type: 'confirm', card: card('x', 'b', 'Z0') })
    s = boardReducer(s, { type: 'load', columns, cards: [...cards.slice(1), card('x', 'b', 'Z0')], byPosition: true })
    expect(s.order).toEqual({ a: ['y', 'z'], b: ['x', 'w'] })
  })

  it('reorders within a column and reports no move when dropped where it started', () => {
    let s = boardReducer(loaded(), { type: 'begin', cardId: 'y' })
    s = boardReducer(s, { type: 'place', cardId: 'y', column: 'a', index: 2 })
    expect(s.order.a).toEqual(['x', 'z', 'y'])
    expect(placement(s.order, 'y')).toEqual({ column_id: 'a', after_id: 'z' })
    s = boardReducer(s, { type: 'place', cardId: 'y', column: 'a', index: 0 })
    expect(hasMoved(s, 'y')).toBe(false)
  })

  it('places into an empty column with no neighbours', () => {
    const empty: Column[] = [...columns, makeColumn('c', 'Later', 'planned', 2)]
    let s = boardReducer(emptyBoard, { type: 'load', columns: empty, cards, byPosition: true })
    s = boardReducer(s, { type: 'place', cardId: 'w', column: 'c', index: 5 })
    expect(placement(s.order, 'w')).toEqual({ column_id: 'c' })
  })

  it('ignores moves of unknown cards or into unknown columns', () => {
    const s = loaded()
    expect(boardReducer(s, { type: 'place', cardId: 'nope', column: 'b', index: 0 })).toBe(s)
    expect(boardReducer(s, { type: 'place', cardId: 'x', column: 'nope', index: 0 })).toBe(s)
    expect(boardReducer(s, { type: 'rollback', cardId: 'x' })).toBe(s)
  })
})
