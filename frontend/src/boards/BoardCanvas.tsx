import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  DndContext, DragOverlay, MouseSensor, TouchSensor, useSensor, useSensors,
  type Active, type DragEndEvent, type DragOverEvent, type DragStartEvent, type Over,
} from '@dnd-kit/core'
import { SortableContext, arrayMove, horizontalListSortingStrategy } from '@dnd-kit/sortable'
import { useQueryClient } from '@tanstack/react-query'
import type { CardFilter } from '../api/endpoints'
import type { Board, Column } from '../api/types'
import { useSession } from '../auth/session'
import { BoardColumn } from './BoardColumn'
import { CardTile } from './CardTile'
import { forgetDrag, markDragEnded } from './dragClock'
import { ShipDialog } from '../shipping/ShipDialog'
import { StatusMoveDialog } from '../shipping/StatusMoveDialog'
import { offersStatusEmail } from '../shipping/statusEmail'
import { announcements, instructions, type Where } from './dndText'
import { keys } from '../api/queries'
import { liveQueue } from '../api/liveQueue'
import { useBoardShortcuts } from './useBoardShortcuts'
import { applyCardChange, loadedCards, shownCards, shownTotal, totalOf, type ColumnData, type DragView } from './columnCache'
import { placement, type Placement } from '../api/placement'
import { useCardMoves } from './useCardMoves'
import { boardCollisions, boardKeyboardCoordinates, columnOfSortId, columnSortId, draggingColumn } from './columnSort'
import { SortableColumn } from './SortableColumn'
import { useColumnReorder } from './useColumnReorder'
import { TileLookProvider } from './tileLook'
import { FirstRevealProvider } from './firstReveal'
import { PromptKeyboardSensor } from './keyboardSensor'

/** A card dropped into a Done column, waiting for the ship dialog: where it was dropped, frozen. */
interface Shipping {
  view: DragView
  column: Column
  target: Placement
}

/** The column a droppable is: a column itself, or the column whose list holds the card. */
function columnOf(x: Active | Over): string | undefined {
  const data = x.data.current as { type?: string; sortable?: { containerId: string } } | undefined
  if (data?.type === 'column') return String(x.id)
  return data?.sortable?.containerId
}

/**
 * Over a column rather than a card (its empty space, or a card not in the page): the place of
 * the first card in view below `y`, so the card lands where it is held, not after the last
 * card loaded.
 */
function nearestSlot(columnId: string, y: number, skip: string): number {
  const list = document.querySelector(`[data-column-id="${CSS.escape(columnId)}"] .card-list`)
  if (!list) return Infinity
  let last = -1
  for (const li of list.querySelectorAll<HTMLElement>('li[data-card-id]')) {
    if (li.dataset.cardId === skip) continue
    const r = li.getBoundingClientRect()
    const i = Number(li.dataset.index)
    if (r.top + r.height / 2 > y) return i
    last = Math.max(last, i + 1)
  }
  return last >= 0 ? last : Infinity
}

export function BoardCanvas({ board, filter, onHelp }: { board: Board; filter: Required<CardFilter>; onHelp: () => void }) {
  const { can } = useSession()
  const qc = useQueryClient()
  const byPosition = filter.sort === 'position'
  const canDrag = can('edit') && byPosition

  // Where the dragged card is shown. Only the columns it leaves and enters get it, so the
  // others (and every tile in them) do not re-render while it moves.
  const [drag, setDragState] = useState<DragView | null>(null)
  const dragRef = useRef<DragView | null>(null)
  const setDrag = useCallback((v: DragView | null) => {
    dragRef.current = v
    setDragState(v)
  }, [])
  const [shipping, setShipping] = useState<Shipping | null>(null)
  // A card with requesters dropped into a planned, in-progress or declined column: email them?
  const [telling, setTelling] = useState<Shipping | null>(null)
  // Live changes wait while a card is held (and while the ship dialog holds its drop): the
  // columns under it stay still, and they arrive in one batch after the drop.
  const dragging = drag != null
  useEffect(() => {
    if (!dragging) return
    const live = liveQueue(qc)
    live.pause()
    return () => live.resume()
  }, [dragging, qc])
  // Where the last drop put a card, for the announcement that follows it.
  const dropped = useRef<{ id: string; title: string; where: Where } | null>(null)
  const moves = useCardMoves(board, filter)
  const reorder = useColumnReorder(board)
  // The column being dragged by its header, and the place it is over (an index among columns).
  const columnDrag = useRef<{ id: string; index: number } | null>(null)

  const columns = useMemo(() => [...board.columns].sort((a, b) => a.position - b.position), [board.columns])
  const columnIds = useMemo(() => columns.map((c) => columnSortId(c.id)), [columns])
  const plainIds = useMemo(() => columns.map((c) => c.id), [columns])
  const columnCards = useCallback(
    (columnId: string) => loadedCards(qc.getQueryData<ColumnData>(keys.columnCards(board.id, columnId, filter))),
    [qc, board.id, filter],
  )
  const columnTotal = useCallback(
    (columnId: string) => totalOf(qc.getQueryData<ColumnData>(keys.columnCards(board.id, columnId, filter))),
    [qc, board.id, filter],
  )

  useBoardShortcuts({
    columns,
    canEdit: can('edit'),
    dragging: () => !!dragRef.current || !!columnDrag.current, // the ship dialog is a modal: no board key reaches past it
    cardsOf: columnCards,
    removed: (id) => applyCardChange(qc, board.id, id, null),
    onHelp,
  })

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(PromptKeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      // Enter opens a card; Space picks it up.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  )

  const where = useCallback(
    (id: string): Where | null => {
      const moving = columnDrag.current
      if (moving && columnSortId(moving.id) === id) return { column: 'the board', position: moving.index + 1, of: columns.length }
      const d = dragRef.current
      if (d && d.card.id === id) {
        const col = columns.find((c) => c.id === d.to)
        return { column: col?.name ?? 'a column', position: d.index + 1, of: shownTotal(columnTotal(d.to), d.to, d) }
      }
      return dropped.current?.id === id ? dropped.current.where : null
    },
    [columns, columnTotal],
  )
  const accessibility = useMemo(
    () => ({
      // Read when dnd-kit announces (during events), never while rendering.
      // eslint-disable-next-line react-hooks/refs
      announcements: announcements({
        title: (id) =>
          columnOfSortId(id) ? `column ${columns.find((c) => c.id === columnOfSortId(id))?.name ?? ''}` :
          (dragRef.current?.card.id === id ? dragRef.current.card.title : dropped.current?.id === id ? dropped.current.title : 'card'),
        where,
      }),
      screenReaderInstructions: instructions,
    }),
    [where, columns],
  )

  function onDragStart({ active }: DragStartEvent) {
    if (draggingColumn(active)) {
      const id = columnOfSortId(active.id)!
      columnDrag.current = { id, index: columns.findIndex((c) => c.id === id) }
      return
    }
    const from = columnOf(active)
    if (!from) return
    const cards = columnCards(from)
    const fromIndex = cards.findIndex((c) => c.id === active.id)
    const card = cards[fromIndex]
    if (!card) return
    dropped.current = null
    setDrag({ card, from, fromIndex, to: from, index: fromIndex })
  }

  function onDragOver({ active, over }: DragOverEvent) {
    const moving = columnDrag.current
    if (moving) {
      const at = over ? columns.findIndex((c) => c.id === columnOfSortId(over.id)) : -1
      if (at >= 0) columnDrag.current = { ...moving, index: at }
      return
    }
    const d = dragRef.current
    if (!over || !d) return
    const to = columnOf(over)
    // Within a column dnd-kit's sortable shows the order; only a change of column moves the card.
    if (!to || to === d.to) return
    const others = columnCards(to).filter((c) => c.id !== d.card.id)
    const translated = active.rect.current.translated
    const middle = translated ? translated.top + translated.height / 2 : 0
    const overIndex = others.findIndex((c) => c.id === over.id)
    let index: number
    if (overIndex >= 0) index = overIndex + (middle > over.rect.top + over.rect.height / 2 ? 1 : 0)
    else index = Math.min(others.length, nearestSlot(to, middle, d.card.id))
    setDrag({ ...d, to, index })
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const moving = columnDrag.current
    if (moving) {
      columnDrag.current = null
      markDragEnded()
      const to = over ? columns.findIndex((c) => c.id === columnOfSortId(over.id)) : -1
      if (to >= 0 && columns[to]!.id !== moving.id) reorder(moving.id, to)
      return
    }
    const d = dragRef.current
    markDragEnded()
    if (!d) return
    // The column's order as shown, then dnd-kit's last reorder within it.
    let shown = shownCards(columnCards(d.to), d.to, d).map((c) => c.id)
    if (over && over.id !== active.id && columnOf(over) === d.to) {
      const overIndex = shown.indexOf(String(over.id))
      if (overIndex >= 0) shown = arrayMove(shown, shown.indexOf(d.card.id), overIndex)
    }
    const index = shown.indexOf(d.card.id)
    const view = { ...d, index }
    const col = columns.find((c) => c.id === view.to)
    dropped.current = {
      id: d.card.id,
      title: d.card.title,
      where: { column: col?.name ?? 'a column', position: index + 1, of: shownTotal(columnTotal(view.to), view.to, view) },
    }
    if (index < 0 || (view.to === view.from && index === view.fromIndex)) {
      setDrag(null)
      return
    }
    const target = placement(shown, index, view.to)
    // The dialog announces this column and ships to this place, whatever happens behind it.
    if (col?.stage === 'done' && !d.card.shipped_at) {
      setDrag(view)
      setShipping({ view, column: col, target })
    } else if (view.to !== view.from && offersStatusEmail(col, d.card.requester_count)) {
      setDrag(view)
      setTelling({ view, column: col, target })
    } else {
      moves.commit(view, target)
      setDrag(null)
    }
  }

  const active = drag?.card
  return (
    <TileLookProvider boardId={board.id}>
      <FirstRevealProvider columnIds={plainIds}>
        {can('edit') && !byPosition && (
          <p className="hint board-hint">Sorted by {filter.sort === 'demand' ? 'demand' : 'last update'}. Switch to “Board order” to drag cards.</p>
        )}
        <DndContext
          sensors={sensors}
          collisionDetection={boardCollisions}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            markDragEnded()
            columnDrag.current = null
            setDrag(null)
          }}
          accessibility={accessibility}
        >
          <div className="columns" data-testid="columns">
            <SortableContext id="board-columns" items={columnIds} strategy={horizontalListSortingStrategy}>
              {columns.map((col) => (
                <SortableColumn key={col.id} columnId={col.id} disabled={!can('edit')}>
                  {(grip) => (
                    <BoardColumn
                      board={board}
                      column={col}
                      filter={filter}
                      canDrag={canDrag}
                      drag={drag && (drag.from === col.id || drag.to === col.id) ? drag : null}
                      grip={grip}
                    />
                  )}
                </SortableColumn>
              ))}
            </SortableContext>
            {columns.length === 0 && <p className="empty">This board has no columns yet. Add one in Board settings.</p>}
          </div>
          <DragOverlay dropAnimation={null}>
            {/* dnd-kit measures the overlay's first child: keep the tilt on an inner element so the
                measured box stays upright and keyboard moves pick the right neighbours. */}
            {active && !shipping && !telling ? (
              <div>
                <CardTile card={active} overlay />
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
        {shipping && (
          <ShipDialog
            card={shipping.view.card}
            column={shipping.column}
            onCancel={() => {
              forgetDrag()
              setDrag(null)
              setShipping(null)
            }}
            onShip={(note) => {
              forgetDrag()
              moves.commit(shipping.view, shipping.target, note)
              setDrag(null)
              setShipping(null)
            }}
          />
        )}
        {telling && (
          <StatusMoveDialog
            card={telling.view.card}
            column={telling.column}
            onCancel={() => {
              forgetDrag()
              setDrag(null)
              setTelling(null)
            }}
            onMove={(notify, note) => {
              forgetDrag()
              moves.commit(telling.view, telling.target, undefined, { notify, note })
              setDrag(null)
              setTelling(null)
            }}
          />
        )}
      </FirstRevealProvider>
    </TileLookProvider>
  )
}
