import { useState } from 'react'
import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type { Board, Card, Column } from '../api/types'
import { Can, useSession } from '../auth/session'
import { SortableCard } from './CardTile'
import { ColumnSettings } from './ColumnSettings'
import { NewCardForm } from './NewCardForm'
import { stageName } from '../ui/names'

interface Props {
  board: Board
  column: Column
  cardIds: string[]
  cards: Record<string, Card>
  loading: boolean
  filtered: boolean
  canDrag: boolean
}

export function BoardColumn({ board, column, cardIds, cards, loading, filtered, canDrag }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { type: 'column' } })
  const { can } = useSession()
  const [settings, setSettings] = useState(false)
  const headingId = `col-${column.id}`
  // "Done" in a Done column says nothing twice: the coloured dot carries the stage then.
  const stage = stageName[column.stage]
  const sameName = stage.toLowerCase() === column.name.trim().toLowerCase()
  return (
    <section className={'column' + (isOver ? ' column-over' : '')} aria-labelledby={headingId} data-column={column.name}>
      <header className="column-head">
        <span className={'stage-dot dot-' + column.stage} aria-hidden="true" />
        <h2 id={headingId} className="column-name">
          {column.name}
          {sameName && <span className="sr-only"> (stage {stage})</span>}
        </h2>
        {!sameName && <span className={'stage stage-' + column.stage}>{stage}</span>}
        <span className="count" aria-label={`${cardIds.length} cards`}>
          {loading ? '–' : cardIds.length}
        </span>
        <Can right="edit">
          <button type="button" className="icon-btn" aria-label={`Settings for column ${column.name}`} onClick={() => setSettings(true)}>
            ⋯
          </button>
        </Can>
      </header>
      <SortableContext id={column.id} items={cardIds} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="card-list" aria-label={`Cards in ${column.name}`}>
          {loading ? (
            <li className="card-skeleton" aria-hidden="true" />
          ) : cardIds.length === 0 ? (
            <li className="column-empty">
              {filtered ? 'No matching cards.' : can('edit') ? (column.stage === 'done' ? 'Drag a card here to ship it.' : 'No cards yet. Add one below or drag one here.') : 'No cards yet.'}
            </li>
          ) : (
            cardIds.map((id) => {
              const card = cards[id]
              return card ? <SortableCard key={id} card={card} disabled={!canDrag} /> : null
            })
          )}
        </ul>
      </SortableContext>
      <Can right="edit">
        <NewCardForm board={board} column={column} />
      </Can>
      {settings && <ColumnSettings board={board} column={column} onClose={() => setSettings(false)} />}
    </section>
  )
}
