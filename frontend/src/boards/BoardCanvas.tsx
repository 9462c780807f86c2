import { useEffect, useMemo, useRef, useState } from 'react'
import {
  DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, closestCorners, useSensor, useSensors,
  type DragEndEvent, type DragOverEvent, type DragStartEvent,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { CardFilter } from '../api/endpoints'
import type { Board, Column } from '../api/types'
import { useSession } from '../auth/session'
import { LoadError } from '../ui/States'
import { BoardColumn } from './BoardColumn'
import { CardTile } from './CardTile'
import { forgetDrag, markDragEnded } from './dragClock'
import { ShipDialog } from '../shipping/ShipDialog'
import { announcements, instructions } from './dndText'
import { boardReducer, emptyBoard, hasMoved, locate, placement, type BoardAction, type BoardState, type Placement } from './boardState'
import { keys } from '../api/queries'
import { useCardMoves } from './useCardMoves'

/** A card dropped into a Done column, waiting for the ship dialog: where it was dropped, frozen. */
interface Shipping {
  cardId: string
  column: Column
  target: Placement
}

export function BoardCanvas({ board, filter }: { board: Board; filter: Required<CardFilter> }) {
  const { can } = useSession()
  const cards = useQuery({ queryKey: keys.cards(board.id, filter), queryFn: () => ep.listCards(board.id, filter) })
  const byPosition = filter.sort === 'position'
  const canDrag = can('edit') && byPosition

  // The reducer is applied through a ref too, so event handlers see the state their action produced.
  const [state, setState] = useState<BoardState>(emptyBoard)
  const ref = useRef(state)
  const apply = (a: BoardAction) => {
    ref.current = boardReducer(ref.current, a)
    setState(ref.current)
    return ref.current
  }
  const [activeId, setActiveId] = useState<string | null>(null)
  const [shipping, setShipping] = useState<Shipping | null>(null)
  const moves = useCardMoves(board, ref, apply)

  const columns = useMemo(() => [...board.columns].sort((a, b) => a.position - b.position), [board.columns])
  useEffect(() => {
    if (cards.data && !activeId) apply({ type: 'load', columns, cards: cards.data, byPosition })
  }, [cards.data, columns, byPosition, activeId])

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens a card; Space picks it up.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  )

  const columnOf = (id: string) => (id in ref.current.order ? id : locate(ref.current.order, id)?.column)

  function onDragStart(e: DragStartEvent) {
    setActiveId(String(e.active.id))
    apply({ type: 'begin', cardId: String(e.active.id) })
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return
    const id = String(active.id)
    const from = columnOf(id)
    const to = columnOf(String(over.id))
    if (!from || !to || from === to) return
    const ids = ref.current.order[to]!
    const overIndex = ids.indexOf(String(over.id))
    const translated = active.rect.current.translated
    const below = translated && translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2 ? 1 : 0
    apply({ type: 'place', cardId: id, column: to, index: overIndex >= 0 ? overIndex + below : ids.length })
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const id = String(active.id)
    setActiveId(null)
    markDragEnded()
    if (over && over.id !== active.id) {
      const to = columnOf(String(over.id))
      const overIndex = to ? ref.current.order[to]!.indexOf(String(over.id)) : -1
      if (to && overIndex >= 0) apply({ type: 'place', cardId: id, column: to, index: overIndex })
    }
    finish(id)
  }

  function finish(id: string) {
    if (!hasMoved(ref.current, id)) {
      apply({ type: 'rollback', cardId: id })
      return
    }
    const at = locate(ref.current.order, id)!
    const card = ref.current.pending[id]!.card
    const column = columns.find((c) => c.id === at.column)
    const target = placement(ref.current.order, id)
    // The dialog announces this column and ships to this place, whatever happens behind it.
    if (column?.stage === 'done' && !card.shipped_at && target) setShipping({ cardId: id, column, target })
    else moves.commit(id)
  }

  if (cards.isError) return <LoadError error={cards.error} what="cards" retry={() => void cards.refetch()} />
  const loading = cards.isPending
  const active = activeId ? state.cards[activeId] : undefined
  const shippingCard = shipping ? state.cards[shipping.cardId] : undefined
  const filtered = !!(filter.q || filter.kind || filter.label)
  return (
    <>
      {can('edit') && !byPosition && (
        <p className="hint board-hint">Sorted by {filter.sort === 'demand' ? 'demand' : 'last update'}. Switch to “Board order” to drag cards.</p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={({ active }) => {
          setActiveId(null)
          markDragEnded()
          apply({ type: 'rollback', cardId: String(active.id) })
        }}
        accessibility={{ announcements: announcements(state, columns), screenReaderInstructions: instructions }}
      >
        <div className="columns" data-testid="columns">
          {columns.map((col) => (
            <BoardColumn
              key={col.id}
              board={board}
              column={col}
              cardIds={state.order[col.id] ?? []}
              cards={state.cards}
              loading={loading}
              filtered={filtered}
              canDrag={canDrag}
            />
          ))}
          {columns.length === 0 && <p className="empty">This board has no columns yet. Add one in Board settings.</p>}
        </div>
        <DragOverlay dropAnimation={null}>
          {/* dnd-kit measures the overlay's first child: keep the tilt on an inner element so the
              measured box stays upright and keyboard moves pick the right neighbours. */}
          {active ? (
            <div>
              <CardTile card={active} overlay />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {shipping && shippingCard && (
        <ShipDialog
          card={shippingCard}
          column={shipping.column}
          onCancel={() => {
            forgetDrag()
            apply({ type: 'rollback', cardId: shipping.cardId })
            setShipping(null)
          }}
          onShip={(note) => {
            forgetDrag()
            moves.commit(shipping.cardId, note, shipping.target)
            setShipping(null)
          }}
        />
      )}
    </>
  )
}
