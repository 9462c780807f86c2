import type { Announcements } from '@dnd-kit/core'

export const instructions = {
  draggable:
    'To move a card, press Space to pick it up, use the arrow keys to move it within and across columns, ' +
    'then Space to drop it or Escape to cancel. Press Enter to open the card. ' +
    'A column moves the same way from the grip in its header, with the left and right arrow keys.',
}

/** Where a card is: its column, and its place among all of that column's cards (not only those loaded). */
export interface Where {
  column: string
  position: number
  of: number
}

/** What a screen reader hears while a card moves: the card's title and where it is. */
export function announcements({ title, where }: { title: (id: string) => string; where: (id: string) => Where | null }): Announcements {
  const at = (id: string | number) => {
    const w = where(String(id))
    return w ? ` in ${w.column}, position ${w.position} of ${w.of}` : ''
  }
  const name = (id: string | number) => title(String(id))
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}${at(active.id)}.`,
    onDragOver: ({ active }) => `${name(active.id)} is now${at(active.id)}.`,
    onDragEnd: ({ active }) => `Dropped ${name(active.id)}${at(active.id)}.`,
    onDragCancel: ({ active }) => `Cancelled. ${name(active.id)} went back to where it was.`,
  }
}
