import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board, Card } from '../api/types'
import { placementNow } from '../api/placement'
import { describe } from '../ui/errors'
import { setParam } from '../app/router'
import { shipConsequence } from '../shipping/consequence'
import { stageName } from '../ui/names'
import { liveQueue } from '../api/liveQueue'
import { keys, useBoards } from '../api/queries'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { useUnsavedEdits } from '../ui/unsaved'
import { emailLabel, noteHint, noteLabel, offersStatusEmail } from '../shipping/statusEmail'

/** Move without dragging: to another column or another board (the card goes to the end). */
export function MoveCardForm({ card, board }: { card: Card; board: Board }) {
  const boards = useBoards()
  const qc = useQueryClient()
  const toast = useToast()
  const [boardId, setBoardId] = useState(card.board_id)
  const [columnId, setColumnId] = useState(card.column_id)
  const [note, setNote] = useState('')
  const all = boards.data ?? [board]
  const target = all.find((b) => b.id === boardId) ?? board
  const columns = [...target.columns].sort((a, b) => a.position - b.position)
  const column = columns.find((c) => c.id === columnId)
  const ships = column?.stage === 'done' && !card.shipped_at
  const statusEmail = offersStatusEmail(column, card.requester_count)
  // Pre-selected from the target column's notify_default each time the target changes.
  const [tell, setTell] = useState(column?.notify_default ?? false)
  function aimAt(id: string, cols = columns) {
    setColumnId(id)
    setTell(cols.find((c) => c.id === id)?.notify_default ?? false)
  }
  const [why, setWhy] = useState('')
  useUnsavedEdits(ships && note.trim() ? 'the release note' : null)

  const move = useMutation({
    onMutate: () => ({ back: placementNow(qc, card) }),
    mutationFn: () =>
      ep.moveCard(
        card.id,
        {
          column_id: columnId,
          release_note: ships ? note.trim() || undefined : undefined,
          ...(statusEmail && tell ? { notify: true, note: why.trim() || undefined } : {}),
        },
        card.version,
      ),
    onSuccess: (moved, _v, ctx) => {
      setNote('')
      setWhy('')
      // Out of one column's pages and into the other's (on this board or another), in place.
      liveQueue(qc).now('card.moved', moved, card.column_id)
      qc.invalidateQueries({ queryKey: keys.activity(card.id) })
      qc.invalidateQueries({ queryKey: keys.deliveries(card.id) })
      const where = `${target.id === board.id ? '' : target.name + ' › '}${column?.name ?? 'the column'}`
      if (moved.board_id !== board.id) setParam('card', null)
      // As on the board: a plain move offers Undo (back between the neighbours it left); one that
      // shipped or is telling the people who asked cannot be taken back, so it offers none.
      if ((moved.shipped_at && !card.shipped_at) || (statusEmail && tell)) {
        toast(`Moved “${card.title}” to ${where}.`, 'success')
        return
      }
      const from = board.columns.find((c) => c.id === card.column_id)?.name ?? 'its column'
      toast(`Moved “${card.title}” to ${where}.`, 'info', {
        label: 'Undo',
        run: () => {
          ep.moveCard(moved.id, ctx.back, moved.version).then(
            (back) => {
              liveQueue(qc).now('card.moved', back, moved.column_id)
              qc.invalidateQueries({ queryKey: keys.activity(card.id) })
              toast(`Moved “${card.title}” back to ${from}.`, 'success')
            },
            (err: unknown) => toast(`Could not move “${card.title}” back: ${describe(err)}`, 'error'),
          )
        },
      })
    },
    onError: () => qc.invalidateQueries({ queryKey: keys.card(card.id) }),
  })
  const errors = formErrors(move.error, ['column_id', 'release_note', 'note'])
  const unchanged = columnId === card.column_id
  function submit(e: FormEvent) {
    e.preventDefault()
    if (!unchanged && column) move.mutate()
  }
  return (
    <section className="section" aria-labelledby="move-h">
      <h3 id="move-h">Move</h3>
      <form noValidate onSubmit={submit} className="stack">
        <FormError message={errors.form} />
        <div className="row">
          <Field label="Board">
            <select
              value={boardId}
              onChange={(e) => {
                setBoardId(e.target.value)
                const b = all.find((x) => x.id === e.target.value)
                const cols = [...(b?.columns ?? [])].sort((a, c) => a.position - c.position)
                aimAt(e.target.value === card.board_id ? card.column_id : (cols[0]?.id ?? ''), cols)
              }}
            >
              {all.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Column" error={errors.fields.column_id}>
            <select data-move-column value={columnId} onChange={(e) => aimAt(e.target.value)}>
              {columns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {stageName[c.stage].toLowerCase() === c.name.trim().toLowerCase() ? '' : ` (${stageName[c.stage]})`}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {ships && (
          <>
            <p className="ship-consequence">{shipConsequence(card.requester_count)}</p>
            <Field label="Release note" optional error={errors.fields.release_note}>
              <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </>
        )}
        {statusEmail && (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={tell} onChange={(e) => setTell(e.target.checked)} /> {emailLabel(card.requester_count)}
            </label>
            {tell && (
              <Field label={noteLabel(column.stage)} optional hint={noteHint(column.stage)} error={errors.fields.note}>
                <textarea rows={3} value={why} onChange={(e) => setWhy(e.target.value)} maxLength={2000} />
              </Field>
            )}
          </>
        )}
        <div className="actions">
          <button type="submit" className="btn" disabled={unchanged || !column || move.isPending}>
            {ships ? (card.requester_count > 0 ? 'Move, ship and email' : 'Move and ship') : 'Move card'}
          </button>
        </div>
      </form>
    </section>
  )
}

