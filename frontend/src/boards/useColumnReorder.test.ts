import { describe, expect, it } from 'vitest'
import type { Column } from '../api/types'
import { reorderColumns } from './useColumnReorder'

const col = (name: string, position: number) => ({ id: name, name, position, stage: 'open' }) as unknown as Column
const names = (cs: Column[]) => cs.map((c) => `${c.name}:${c.position}`)

describe('reorderColumns', () => {
  const board = [col('Done', 3), col('Ideas', 0), col('Planned', 1), col('Doing', 2)]
  it('moves a column to its new place and renumbers like the API', () => {
    expect(names(reorderColumns(board, 'Done', 0))).toEqual(['Done:0', 'Ideas:1', 'Planned:2', 'Doing:3'])
    expect(names(reorderColumns(board, 'Ideas', 2))).toEqual(['Planned:0', 'Doing:1', 'Ideas:2', 'Done:3'])
  })
  it('keeps the objects of columns that did not move', () => {
    const out = reorderColumns(board, 'Doing', 1)
    expect(names(out)).toEqual(['Ideas:0', 'Doing:1', 'Planned:2', 'Done:3'])
    expect(out[0]).toBe(board[1])
    expect(out[3]).toBe(board[0])
  })
  it('clamps the place and ignores an unknown column', () => {
    expect(names(reorderColumns(board, 'Ideas', 99))).toEqual(['Planned:0', 'Doing:1', 'Done:2', 'Ideas:3'])
    expect(names(reorderColumns(board, 'nope', 0))).toEqual(['Ideas:0', 'Planned:1', 'Doing:2', 'Done:3'])
  })
})
