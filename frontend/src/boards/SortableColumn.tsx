import { useMemo, type ReactNode } from 'react'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { columnSortId } from './columnSort'

/** What a column header needs to be the grip that drags its column. */
export interface ColumnGrip {
  attributes: ReturnType<typeof useSortable>['attributes']
  listeners: ReturnType<typeof useSortable>['listeners']
  setActivatorNodeRef: (el: HTMLElement | null) => void
}

/**
 * The shell that moves while a column is dragged. It re-renders as the pointer moves (dnd-kit's
 * transform); the column inside is memoised and only gets the grip, which stays the same object.
 */
export function SortableColumn({ columnId, disabled, children }: { columnId: string; disabled: boolean; children: (grip: ColumnGrip | null) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: columnSortId(columnId),
    disabled,
    data: { type: 'column-sort', columnId },
  })
  const grip = useMemo(() => (disabled ? null : { attributes, listeners, setActivatorNodeRef }), [disabled, attributes, listeners, setActivatorNodeRef])
  const style = { transform: CSS.Translate.toString(transform), transition }
  return (
    <div ref={setNodeRef} style={style} className={'column-shell' + (isDragging ? ' column-shell-dragging' : '')}>
      {children(grip)}
    </div>
  )
}
