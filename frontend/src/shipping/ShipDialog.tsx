import { useState, type FormEvent } from 'react'
import type { Card, Column } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { Field } from '../ui/Field'
import { shipConsequence } from './consequence'

interface ShipDialogProps {
  card: Card
  column: Column
  onShip: (releaseNote: string) => void
  onCancel: () => void
}

export function ShipDialog({ card, column, onShip, onCancel }: ShipDialogProps) {
  const [note, setNote] = useState(card.release_note)
  function submit(e: FormEvent) {
    e.preventDefault()
    onShip(note)
  }
  return (
    <Dialog title={`Ship “${card.title}”?`} onClose={onCancel}>
      <form noValidate onSubmit={submit} className="stack">
        <p className="ship-consequence" data-testid="ship-consequence">
          Moving it to <strong>{column.name}</strong> marks it shipped. {shipConsequence(card.requester_count)}
        </p>
        <Field label="Release note" optional hint="A sentence or two for the email: what changed and where to find it.">
          <textarea rows={4} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </Field>
        <div className="actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            {card.requester_count > 0 ? 'Ship and email' : 'Ship it'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
