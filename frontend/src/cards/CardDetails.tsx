import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../api/client'
import * as ep from '../api/endpoints'
import type { Card, Kind } from '../api/types'
import { useSession } from '../auth/session'
import { kindName, kinds } from '../ui/names'
import { parseLabels } from './labels'
import { keys } from '../api/queries'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { useToast } from '../ui/Toast'

/** Title, description, kind and labels: a form for editors, plain text for everyone else. */
export function CardDetails({ card }: { card: Card }) {
  const { can } = useSession()
  if (!can('edit'))
    return (
      <section className="card-details">
        <h2 className="drawer-title">{card.title}</h2>
        {card.description ? <p className="description">{card.description}</p> : <p className="muted">No description.</p>}
        {card.labels.length > 0 && (
          <div className="card-meta">
            {card.labels.map((l) => (
              <span key={l} className="label">
                {l}
              </span>
            ))}
          </div>
        )}
      </section>
    )
  return <CardEditor key={card.version} card={card} />
}

function CardEditor({ card }: { card: Card }) {
  const qc = useQueryClient()
  const toast = useToast()
  const initial = { title: card.title, description: card.description, kind: card.kind, labels: card.labels.join(', ') }
  const [form, setForm] = useState(initial)
  const dirty = JSON.stringify(form) !== JSON.stringify(initial)
  const save = useMutation({
    mutationFn: () =>
      ep.updateCard(card.id, { title: form.title.trim(), description: form.description, kind: form.kind, labels: parseLabels(form.labels) }, card.version),
    onSuccess: (updated) => {
      qc.setQueryData(keys.card(card.id), updated)
      qc.invalidateQueries({ queryKey: keys.cards(card.board_id) })
      qc.invalidateQueries({ queryKey: keys.activity(card.id) })
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 412) {
        // Someone saved first: show their version; the person's typing is lost only after this warning.
        toast('Someone else changed this card meanwhile. It has been reloaded; please make your change again.', 'error')
        qc.invalidateQueries({ queryKey: keys.card(card.id) })
      }
    },
  })
  // A 412 is told by the toast above; the form then shows the reloaded card.
  const stale = save.error instanceof ApiError && save.error.status === 412
  const errors = formErrors(stale ? null : save.error, ['title', 'description', 'kind', 'labels'])
  function submit(e: FormEvent) {
    e.preventDefault()
    if (dirty) save.mutate()
  }
  return (
    <form noValidate className="card-details stack" onSubmit={submit}>
      <FormError message={errors.form} />
      <Field label="Title" error={errors.fields.title}>
        <input className="title-input" value={form.title} maxLength={200} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      </Field>
      <Field label="Description" error={errors.fields.description}>
        <textarea rows={4} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
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
          <input value={form.labels} onChange={(e) => setForm({ ...form, labels: e.target.value })} placeholder="billing, mobile" />
        </Field>
      </div>
      <div className="actions">
        {dirty && (
          <button type="button" className="btn btn-quiet" onClick={() => setForm(initial)}>
            Discard
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={!dirty || save.isPending || !form.title.trim()}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  )
}
