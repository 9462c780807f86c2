import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board, Column, Kind } from '../api/types'
import { FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { liveQueue } from '../api/liveQueue'
import { kindName, kinds } from '../ui/names'

/** "+ Add a card" at the bottom of a column: type a title, Enter, type the next one. */
export function NewCardForm({ board, column }: { board: Board; column: Column }) {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<Kind>('idea')
  const input = useRef<HTMLInputElement>(null)
  const qc = useQueryClient()
  const create = useMutation({
    mutationFn: () => ep.createCard(board.id, { column_id: column.id, kind, title: title.trim() }),
    onSuccess: (card) => {
      setTitle('')
      // Into the column's pages at its place (the end), counted; nothing is downloaded again.
      liveQueue(qc).now('card.created', card, null)
      input.current?.focus()
    },
  })
  const errors = formErrors(create.error, ['title', 'kind'])

  if (!open)
    return (
      <button type="button" className="add-card" onClick={() => setOpen(true)}>
        + Add a card
      </button>
    )
  function submit(e: FormEvent) {
    e.preventDefault()
    if (title.trim()) create.mutate()
  }
  // Escape in the title or the kind closes the form, like its Done button.
  const closeOnEscape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
  return (
    <form noValidate className="new-card" onSubmit={submit}>
      <label className="sr-only" htmlFor={`new-${column.id}`}>
        New card title in {column.name}
      </label>
      <input
        id={`new-${column.id}`}
        ref={input}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the field appears because the person pressed “+ Add a card”
        autoFocus
        onKeyDown={closeOnEscape}
        value={title}
        maxLength={200}
        placeholder="Card title"
        aria-invalid={errors.fields.title ? true : undefined}
        onChange={(e) => setTitle(e.target.value)}
      />
      {errors.fields.title && <div className="field-error">{errors.fields.title}</div>}
      <FormError message={errors.form} />
      <div className="new-card-row">
        <label className="sr-only" htmlFor={`kind-${column.id}`}>
          Kind
        </label>
        <select id={`kind-${column.id}`} value={kind} onKeyDown={closeOnEscape} onChange={(e) => setKind(e.target.value as Kind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindName[k]}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-primary btn-small" disabled={!title.trim() || create.isPending}>
          Add
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={() => setOpen(false)}>
          Done
        </button>
      </div>
    </form>
  )
}
