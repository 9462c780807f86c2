import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Card, LinkedRequest } from '../api/types'
import { formatDate } from '../ui/dates'
import { keys } from '../api/queries'
import { Field, FormError } from '../ui/Field'
import { formErrors, type FormErrors } from '../ui/errors'

const inputs = ['conversation_url', 'email', 'name', 'quote'] as const
type Form = Record<(typeof inputs)[number], string>
const blank: Form = { conversation_url: '', email: '', name: '', quote: '' }

/** What must be filled before asking the server; the server checks the rest. */
export function checkSupportForm(f: Form): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!f.conversation_url.trim()) fields.conversation_url = 'Paste the link to the conversation.'
  else if (!/^https?:\/\/\S+$/i.test(f.conversation_url.trim())) fields.conversation_url = 'This should be a link starting with https://'
  if (!f.email.trim()) fields.email = 'Enter the email of the person who asked.'
  else if (!/^[^\s@]+@[^\s@]+$/.test(f.email.trim())) fields.email = 'This does not look like an email address.'
  return fields
}

/**
 * The support flow in one submit: the conversation link and the person's email (name and
 * their words optional) become a request on this card and a conversation of it.
 */
export function SupportForm({ card }: { card: Card }) {
  const qc = useQueryClient()
  const [form, setForm] = useState<Form>(blank)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [done, setDone] = useState<LinkedRequest | null>(null)
  const link = useMutation({
    mutationFn: () =>
      ep.createRequest(card.id, {
        email: form.email.trim(),
        name: form.name.trim() || undefined,
        quote: form.quote.trim() || undefined,
        conversation_url: form.conversation_url.trim(),
      }),
    onSuccess: (r) => {
      setDone(r)
      setForm(blank)
      for (const k of [keys.requests(card.id), keys.conversations(card.id), keys.card(card.id), keys.cards(card.board_id), keys.activity(card.id), keys.deliveries(card.id)])
        qc.invalidateQueries({ queryKey: k })
    },
  })
  const api = formErrors(link.error, inputs)
  const errors: FormErrors = { fields: { ...api.fields, ...local }, form: api.form }
  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [k]: e.target.value })
    if (local[k]) setLocal({ ...local, [k]: '' })
  }
  function submit(e: FormEvent) {
    e.preventDefault()
    setDone(null)
    const problems = checkSupportForm(form)
    setLocal(problems)
    if (Object.keys(problems).length === 0) link.mutate()
    else link.reset()
  }
  const who = done && (done.requester.name || done.requester.email)
  return (
    <section className="section support" aria-labelledby="support-h">
      <h3 id="support-h">Link a conversation</h3>
      {card.shipped_at && (
        <p className="notice" data-testid="already-shipped">
          This already shipped on {formatDate(card.shipped_at)}. The person you link gets the shipped email right away.
        </p>
      )}
      <form onSubmit={submit} className="stack" noValidate>
        <FormError message={errors.form} />
        <Field label="Conversation link" error={errors.fields.conversation_url || undefined}>
          <input type="url" inputMode="url" value={form.conversation_url} onChange={set('conversation_url')} placeholder="https://app.intercom.com/…/conversations/123" />
        </Field>
        <div className="row">
          <Field label="Their email" error={errors.fields.email || undefined}>
            <input type="email" value={form.email} onChange={set('email')} placeholder="jane@example.com" />
          </Field>
          <Field label="Their name" optional error={errors.fields.name}>
            <input value={form.name} onChange={set('name')} autoComplete="off" />
          </Field>
        </div>
        <Field label="What they said" optional error={errors.fields.quote} hint="Their own words help whoever builds it.">
          <textarea rows={2} value={form.quote} onChange={set('quote')} />
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={link.isPending}>
            {link.isPending ? 'Linking…' : 'Link to this card'}
          </button>
        </div>
        {done && (
          <p className="success" role="status">
            Linked {who} to this card.
            {done.card_shipped ? ` It already shipped, so ${who} gets the shipped email now.` : ` ${who} will be emailed when it ships.`}
          </p>
        )}
      </form>
    </section>
  )
}
