import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board } from '../api/types'
import { Can, useSession } from '../auth/session'
import { DeliveryProgress } from '../shipping/DeliveryProgress'
import { kindName, stageName } from '../ui/names'
import { formatDate } from '../ui/dates'
import { keys } from '../api/queries'
import { Drawer } from '../ui/Drawer'
import { describe } from '../ui/errors'
import { LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { ActivityList } from './ActivityList'
import { CardDetails } from './CardDetails'
import { MoveCardForm } from './MoveCardForm'
import { RequestersList } from './RequestersList'
import { SupportForm } from './SupportForm'
import { MergeControls } from '../merge/MergeControls'

export function CardDrawer({ cardId, board, onClose }: { cardId: string; board: Board; onClose: () => void }) {
  const card = useQuery({ queryKey: keys.card(cardId), queryFn: () => ep.getCard(cardId) })
  const c = card.data
  const column = c && board.columns.find((col) => col.id === c.column_id)
  return (
    <Drawer label={c ? `Card: ${c.title}` : 'Card'} onClose={onClose}>
      <div className="drawer-head">
        <div className="drawer-crumbs">
          {c && <span className={'kind kind-' + c.kind}>{kindName[c.kind]}</span>}
          {column && (
            <span className={'stage stage-' + column.stage}>
              {column.name}
              <span className="sr-only"> ({stageName[column.stage]})</span>
            </span>
          )}
          {c && c.board_id !== board.id && <span className="badge">moved to another board</span>}
        </div>
        <button type="button" className="icon-btn" aria-label="Close card" onClick={onClose}>
          ×
        </button>
      </div>
      {card.isPending ? (
        <Spinner label="Loading card…" />
      ) : card.isError ? (
        <LoadError error={card.error} what="card" retry={() => void card.refetch()} />
      ) : (
        <div className="drawer-body">
          <CardDetails card={card.data} />
          {card.data.shipped_at && (
            <section className="shipped-box" aria-label="Shipped">
              <p>
                <span className="badge badge-shipped">Shipped</span> on {formatDate(card.data.shipped_at)}
              </p>
              {card.data.release_note && <p className="release-note">{card.data.release_note}</p>}
              <DeliveryProgress card={card.data} />
            </section>
          )}
          <RequestersList card={card.data} />
          <Can right="link">
            <SupportForm card={card.data} />
          </Can>
          <Can right="edit">
            <MoveCardForm card={card.data} board={board} />
          </Can>
          <MergeControls card={card.data} board={board} onMerged={onClose} />
          <ActivityList card={card.data} board={board} />
          <Can right="edit">
            <DeleteCard cardId={card.data.id} boardId={card.data.board_id} title={card.data.title} onDeleted={onClose} />
          </Can>
        </div>
      )}
    </Drawer>
  )
}

function DeleteCard({ cardId, boardId, title, onDeleted }: { cardId: string; boardId: string; title: string; onDeleted: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const { can } = useSession()
  const [sure, setSure] = useState(false)
  const del = useMutation({
    mutationFn: () => ep.deleteCard(cardId),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.cards(boardId) })
      toast(`Deleted “${title}”.`)
      onDeleted()
    },
  })
  if (!can('edit')) return null
  return (
    <div className="danger-zone">
      {sure ? (
        <>
          <p>Delete this card with its requests and conversations? The people who asked will not be told.</p>
          <button type="button" className="btn btn-danger" disabled={del.isPending} onClick={() => del.mutate()}>
            Delete card
          </button>{' '}
          <button type="button" className="btn" onClick={() => setSure(false)}>
            Keep it
          </button>
          {del.error != null && <p className="form-error">{describe(del.error)}</p>}
        </>
      ) : (
        <button type="button" className="btn btn-danger-quiet" onClick={() => setSure(true)}>
          Delete card…
        </button>
      )}
    </div>
  )
}
