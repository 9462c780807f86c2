import { memo, useCallback, useState, type KeyboardEvent } from 'react'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { Card } from '../api/types'
import { setParam } from '../app/router'
import { DeliveryProgress } from '../shipping/DeliveryProgress'
import { justDragged } from './dragClock'
import { kindName } from '../ui/names'
import { OwnerAvatar } from '../cards/OwnerAvatar'
import { LabelChip } from '../cards/LabelChip'
import { toggleLabel } from './labelFilter'
import { useTileLook } from './tileLook'

// A shipped card keeps showing its email progress for a while after it shipped.
const watchFor = 30 * 60 * 1000

/** A card's face. Memoised: a drag re-renders the sortable wrappers in view, never the tiles. */
export const CardTile = memo(function CardTile({ card, overlay, dragging }: { card: Card; overlay?: boolean; dragging?: boolean }) {
  const [shownAt] = useState(Date.now)
  const look = useTileLook()
  const recentlyShipped = !!card.shipped_at && shownAt - new Date(card.shipped_at).getTime() < watchFor
  return (
    <div className={'card-tile' + (overlay ? ' card-overlay' : '') + (dragging ? ' card-dragging' : '')}>
      <div className="card-title">{card.title}</div>
      {/* One line under the title: what it is on the left, who asked and who owns it on the right. */}
      <div className="card-meta">
        <span className="card-number">#{card.number}</span>
        <span className={'kind kind-' + card.kind}>{kindName[card.kind]}</span>
        {card.labels.map((l) => (
          <LabelChip key={l} name={l} color={look.labelColor(l)} filters={!overlay} />
        ))}
        <span className="card-foot">
          <span className="demand" title={`${card.requester_count} people asked for this`}>
            <PersonIcon /> {card.requester_count}
            <span className="sr-only"> requesters</span>
          </span>
          {card.shipped_at && <span className="badge badge-shipped">Shipped</span>}
          {card.owner_id && <OwnerAvatar name={look.ownerName(card.owner_id)} />}
        </span>
      </div>
      {recentlyShipped && card.requester_count > 0 && !overlay && <DeliveryProgress card={card} compact />}
    </div>
  )
})

interface SortableProps {
  card: Card
  disabled: boolean
  /** Its place among the column's loaded cards, where the column's virtual list put it. */
  index: number
  top: number
  /** How many cards the column has in all (not only those loaded), for screen readers. */
  setSize: number
  measure: (el: Element | null) => void
}

/** A card that can be dragged (mouse, touch, keyboard) and opened (click or Enter). */
export const SortableCard = memo(function SortableCard({ card, disabled, index, top, setSize, measure }: SortableProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    disabled,
    data: { type: 'card' },
  })
  const ref = useCallback(
    (el: HTMLLIElement | null) => {
      setNodeRef(el)
      measure(el)
    },
    [setNodeRef, measure],
  )
  const style = { top, transform: CSS.Translate.toString(transform), transition }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    listeners?.onKeyDown?.(e)
    if (e.key === 'Enter' && !e.defaultPrevented && !isDragging) setParam('card', card.id)
  }
  // The card's name is what it shows (title, kind, labels, requesters, shipped): an aria-label
  // would hide the labels and counts people see (axe label-content-name-mismatch).
  return (
    <li ref={ref} style={style} className="card-slot" data-card-id={card.id} data-index={index} aria-setsize={setSize} aria-posinset={index + 1}>
      <div
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-roledescription={disabled ? 'card' : 'draggable card'}
        aria-disabled={undefined}
        className="card-handle"
        onKeyDown={onKeyDown}
        onClick={(e) => {
          if (justDragged()) return
          // A label chip clicked filters the board by it (with the labels already filtered); the rest
          // opens the card. A finger on a phone covers the chips, so a tap always opens the card.
          const touch = (e.nativeEvent as PointerEvent).pointerType === 'touch'
          const chip = touch ? null : (e.target as Element).closest<HTMLElement>('[data-label]')
          if (chip) setParam('label', toggleLabel(new URLSearchParams(window.location.search).get('label') ?? '', chip.dataset.label!), { replace: true })
          else setParam('card', card.id)
        }}
      >
        <CardTile card={card} dragging={isDragging} />
      </div>
    </li>
  )
})

function PersonIcon() {
  return (
    <svg className="person-icon" width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="5" r="3" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M2.5 14c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  )
}
