import {
  closestCenter, closestCorners, KeyboardCode, type Active, type CollisionDetection, type DroppableContainer, type KeyboardCoordinateGetter,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'

// Columns are reordered by dragging their header's grip, in the same drag context as the cards.
// A column's sortable id is `column:<id>` (the column's own id is its card drop zone); while a
// column is dragged only columns are targets, and while a card is dragged columns never are.

const prefix = 'column:'
export const columnSortId = (columnId: string) => prefix + columnId
export const columnOfSortId = (id: string | number) => (String(id).startsWith(prefix) ? String(id).slice(prefix.length) : null)
const isColumnSort = (c: { data: { current?: Record<string, unknown> } }) => c.data.current?.type === 'column-sort'
export const draggingColumn = (active: Active | null) => !!active && isColumnSort(active)

export const boardCollisions: CollisionDetection = (args) => {
  const column = isColumnSort(args.active)
  const droppableContainers = args.droppableContainers.filter((c) => isColumnSort(c) === column)
  return column ? closestCenter({ ...args, droppableContainers }) : closestCorners({ ...args, droppableContainers })
}

/**
 * Keyboard moves: a card goes where dnd-kit's sortable would take it among cards and column
 * drop zones only; a column goes one column left or right (up and down do nothing).
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, droppableContainers, droppableRects, collisionRect, over } = args.context
  if (!active || !draggingColumn(active)) {
    const only = (keep: (c: DroppableContainer) => boolean) =>
      ({ ...droppableContainers, getEnabled: () => droppableContainers.getEnabled().filter(keep), get: (id: string) => droppableContainers.get(id) }) as unknown as typeof droppableContainers
    return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: only((c) => !isColumnSort(c)) } })
  }
  const code = event.code as KeyboardCode
  if (![KeyboardCode.Left, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Down].includes(code)) return undefined
  event.preventDefault()
  if (!collisionRect || (code !== KeyboardCode.Left && code !== KeyboardCode.Right)) return undefined
  const columns = droppableContainers
    .getEnabled()
    .filter(isColumnSort)
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id) }))
    .filter((c) => !!c.rect)
    .sort((a, b) => a.rect!.left - b.rect!.left)
  const at = columns.findIndex((c) => c.id === (over?.id ?? active.id))
  const next = columns[at + (code === KeyboardCode.Left ? -1 : 1)]
  if (at < 0 || !next) return undefined
  return { x: next.rect!.left, y: collisionRect.top }
}
