import { useState, type FormEvent } from 'react'
import type { Card, Column } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { Field } from '../ui/Field'
import { stageName } from '../ui/names'
import { emailLabel, noteHint, noteLabel } from './statusEmail'

interface StatusMoveDialogProps {
  card: Card
  column: Column
  onMove: (notify: boolean, note: string) => void
  onCancel: () => void
}

/**
 * A card with requesters dropped into a planned, in-progress or declined column: tell them?
 * The checkbox starts as the column's notify_default; a declined card's people get the why.
 */
export function StatusMoveDialog({ card, column, onMove, onCancel }: StatusMoveDialogProps) {
  const [tell, setTell] = useState(column.notify_default)
  const [note, setNote] = useState('')
  function submit(e: FormEvent) {
    e.preventDefault()
    onMove(tell, tell ? note : '')
  }
  return (
    <Dialog title={`Move “${card.title}” to ${column.name}?`} onClose={onCancel}>
      <form noValidate onSubmit={submit} className="stack" data-testid="status-move">
        <p>
          It becomes <strong>{stageName[column.stage]}</strong>. Each person who asked hears about it once at most, however
          often the card moves.
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={tell} onChange={(e) => setTell(e.target.checked)} /> {emailLabel(card.requester_count)}
        </label>
        {tell && (
          <Field label={noteLabel(column.stage)} optional hint={noteHint(column.stage)}>
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </Field>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            {tell ? 'Move and email' : 'Move'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
