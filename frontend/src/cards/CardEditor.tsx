import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../api/client'
import * as ep from '../api/endpoints'
import { liveQueue } from '../api/liveQueue'
import { keys, useBoardLabels } from '../api/queries'
import type { Card, Kind } from '../api/types'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { kindName, kinds } from '../ui/names'
import { listOf, useUnsavedEdits } from '../ui/unsaved'
import { changedFields, fieldName, formOf, patchOf, rebase, type CardForm } from './cardForm'
import { ConflictNotice } from './ConflictNotice'

/**
 * Title, description, kind and labels of a card, for editors. What the person typed is never
 * thrown away behind their back: a newer version of the card (someone else saved; a save
 * answered 412) is shown next to their text, and they choose to apply theirs on top or drop it.
 */
export function CardEditor({ card }: { card: Card }) {
  const qc = useQueryClient()
  const [base, setBase] = useState(card) // the version the form was started from
  const [form, setForm] = useState(() => formOf(card))
  const [theirs, setTheirs] = useState<Card | null>(null)
  const mine = changedFields(form, formOf(base))
  const dirty = mine.length > 0

  // A newer version arrived: take it if nothing was typed, else hold it beside the typing.
  if (card.version > base.version && card.version !== theirs?.version) {
    if (dirty) setTheirs(card)
    else {
      setBase(card)
      setForm(formOf(card))
    }
  }
  useUnsavedEdits(dirty ? `the ${listOf(mine.map((f) => fieldName[f]))} of this card` : null)

  const save = useMutation({
    mutationFn: ({ values, version }: { values: CardForm; version: number }) => ep.updateCard(card.id, patchOf(values), version),
    onSuccess: (updated) => {
      setBase(updated)
      setForm(formOf(updated))
      setTheirs(null)
      // The one card, in place in its column's pages (and the drawer): no page is downloaded again.
      liveQueue(qc).now('card.updated', updated, card.column_id)
      void qc.invalidateQueries({ queryKey: keys.activity(card.id) })
    },
    onError: (err) => {
      // Someone saved first: fetch their version; the typing stays in the form.
      if (err instanceof ApiError && err.status === 412) void qc.invalidateQueries({ queryKey: keys.card(card.id) })
    },
  })
  const stale = save.error instanceof ApiError && save.error.status === 412
  const errors = formErrors(stale ? null : save.error, ['title', 'description', 'kind', 'labels'])
  const set = (k: keyof CardForm) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value })

  function submit(e: FormEvent) {
    e.preventDefault()
    if (dirty && !theirs) save.mutate({ values: form, version: base.version })
  }
  function applyMine() {
    if (!theirs) return
    const values = rebase(form, base, theirs)
    setBase(theirs)
    setForm(values)
    setTheirs(null)
    save.mutate({ values, version: theirs.version })
  }
  function takeTheirs() {
    if (!theirs) return
    setBase(theirs)
    setForm(formOf(theirs))
    setTheirs(null)
    save.reset()
  }
  return (
    <form noValidate className="card-details stack" onSubmit={submit}>
      {(theirs || stale) && <ConflictNotice theirs={theirs} startedFrom={base} onApply={applyMine} onDiscard={takeTheirs} />}
      <FormError message={errors.form} />
      <Field label="Title" error={errors.fields.title}>
        <input className="title-input" value={form.title} maxLength={200} onChange={set('title')} />
      </Field>
      <Field label="Description" error={errors.fields.description}>
        <textarea rows={4} value={form.description} onChange={set('description')} />
      </Field>
      <div className="row">
        <Field label="Kind" error={errors.fields.kind}>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindName[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Labels" error={errors.fields.labels} hint="Separate with commas">
          <input value={form.labels} onChange={set('labels')} placeholder="billing, mobile" />
        </Field>
        <LabelSuggestions
          boardId={card.board_id}
          typed={form.labels}
          onPick={(l) => setForm((f) => ({ ...f, labels: f.labels.trim() ? `${f.labels.replace(/[,\s]*$/, '')}, ${l}` : l }))}
        />
      </div>
      <div className="actions">
        {dirty && (
          <button type="button" className="btn btn-quiet" onClick={() => setForm(formOf(base))}>
            Discard
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={!dirty || !!theirs || save.isPending || !form.title.trim()}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  )
}

/** The board's labels not yet on the card, most used first: one press adds one. */
function LabelSuggestions({ boardId, typed, onPick }: { boardId: string; typed: string; onPick: (label: string) => void }) {
  const labels = useBoardLabels(boardId)
  const have = new Set(typed.split(',').map((l) => l.trim()))
  const offer = (labels.data ?? []).filter((l) => !have.has(l.name)).slice(0, 12)
  if (offer.length === 0) return null
  return (
    <div className="label-suggestions" aria-label="Labels of this board">
      {offer.map((l) => (
        <button key={l.name} type="button" className={'label label-' + l.color} onClick={() => onPick(l.name)}>
          + {l.name}
        </button>
      ))}
    </div>
  )
}
