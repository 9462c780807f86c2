import { useEffect, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board } from '../api/types'
import { Can } from '../auth/session'
import { DeliveryProgress } from '../shipping/DeliveryProgress'
import { kindName, stageName } from '../ui/names'
import { formatDate } from '../ui/dates'
import { keys } from '../api/queries'
import { Drawer } from '../ui/Drawer'
import { LoadError, Spinner } from '../ui/States'
import { UnsavedEditsProvider, usePendingEdits } from '../ui/unsaved'
import { ActivityList } from './ActivityList'
import { CommentsList } from './CommentsList'
import { OwnerSelect } from './OwnerSelect'
import { CardDetails } from './CardDetails'
import { ArchiveCard } from './ArchiveCard'
import { DiscardDialog } from './DiscardDialog'
import { MoveCardForm } from './MoveCardForm'
import { RequestersList } from './RequestersList'
import { SupportForm } from './SupportForm'
import { MergeControls } from '../merge/MergeControls'
import { CardSatisfaction } from '../satisfaction/CardSatisfaction'
import { CardReference } from './CardReference'
import { partSelector, takeDrawerFocus } from './drawerFocus'

interface Props {
  cardId: string
  board: Board
  onClose: () => void
}

/** One card in a drawer over the board. Closing it over unsaved edits asks first. */
export function CardDrawer(props: Props) {
  return (
    <UnsavedEditsProvider>
      <CardPanel {...props} />
    </UnsavedEditsProvider>
  )
}

function CardPanel({ cardId, board, onClose }: Props) {
  const card = useQuery({ queryKey: keys.card(cardId), queryFn: () => ep.getCard(cardId) })
  const pendingEdits = usePendingEdits()
  const [asking, setAsking] = useState<string[] | null>(null)
  const requestClose = () => {
    const edits = pendingEdits()
    if (edits.length > 0) setAsking(edits)
    else onClose()
  }
  const c = card.data
  const column = c && board.columns.find((col) => col.id === c.column_id)
  // Opened by `e` or `m` on the board: the title or the Move form has the focus once the card is here.
  const body = useRef<HTMLDivElement>(null)
  const loaded = !!c
  useEffect(() => {
    if (!loaded) return
    const part = takeDrawerFocus(cardId)
    if (part) body.current?.querySelector<HTMLElement>(partSelector[part])?.focus()
  }, [loaded, cardId])
  return (
    <Drawer label={c ? `Card: ${c.title}` : 'Card'} onClose={requestClose}>
      <div className="drawer-head">
        <div className="drawer-crumbs">
          {c && <CardReference number={c.number} />}
          {c && <span className={'kind kind-' + c.kind}>{kindName[c.kind]}</span>}
          {column && (
            <span className={'stage stage-' + column.stage}>
              {column.name}
              <span className="sr-only"> ({stageName[column.stage]})</span>
            </span>
          )}
          {c && c.board_id !== board.id && <span className="badge">moved to another board</span>}
        </div>
        <button type="button" className="icon-btn" aria-label="Close card" onClick={requestClose}>
          ×
        </button>
      </div>
      {card.isPending ? (
        <Spinner label="Loading card…" />
      ) : card.isError ? (
        <LoadError error={card.error} what="card" retry={() => void card.refetch()} />
      ) : (
        <div className="drawer-body" ref={body}>
          <CardDetails card={card.data} />
          <OwnerSelect card={card.data} />
          {/* Above the requesters: on a card a thousand people asked for, the form stays in reach. */}
          <Can right="link">
            <SupportForm card={card.data} />
          </Can>
          {card.data.shipped_at && (
            <section className="shipped-box" aria-label="Shipped">
              <p>
                <span className="badge badge-shipped">Shipped</span> on {formatDate(card.data.shipped_at)}
              </p>
              {card.data.release_note && <p className="release-note">{card.data.release_note}</p>}
              <DeliveryProgress card={card.data} />
            </section>
          )}
          <CardSatisfaction card={card.data} />
          <RequestersList card={card.data} />
          <Can right="edit">
            <MoveCardForm card={card.data} board={board} />
          </Can>
          <MergeControls card={card.data} board={board} onMerged={onClose} />
          <CommentsList card={card.data} />
          <ActivityList card={card.data} board={board} />
          <Can right="edit">
            <ArchiveCard cardId={card.data.id} boardId={card.data.board_id} title={card.data.title} onArchived={onClose} />
          </Can>
        </div>
      )}
      {asking && <DiscardDialog edits={asking} onKeep={() => setAsking(null)} onDiscard={onClose} />}
    </Drawer>
  )
}

