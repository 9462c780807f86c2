import type { Announcements } from '@dnd-kit/core'
import type { Column } from '../api/types'
import { locate, type BoardState } from './boardState'

export const instructions = {
  draggable:
    'To move a card, press Space to pick it up, use the arrow keys to move it within and across columns, ' +
    'then Space to drop it or Escape to cancel. Press Enter to open the card.',
}

/** What a screen reader hears while a card moves: the card's title and where it is. */
export function announcements(state: BoardState, columns: Column[]): Announcements {
  const title = (id: string | number) => state.cards[String(id)]?.title ?? 'card'
  const where = (id: string | number) => {
    const at = locate(state.order, String(id))
    if (!at) return ''
    const col = columns.find((c) => c.id === at.column)
    return ` in ${col?.name ?? 'a column'}, position ${at.index + 1} of ${state.order[at.column]!.length}`
  }
  return {
    onDragStart: ({ active }) => `Picked up ${title(active.id)}${where(active.id)}.`,
    onDragOver: ({ active }) => `${title(active.id)} is now${where(active.id)}.`,
    onDragEnd: ({ active }) => `Dropped ${title(active.id)}${where(active.id)}.`,
    onDragCancel: ({ active }) => `Cancelled. ${title(active.id)} went back to where it was.`,
  }
}
