import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Card, LinkedRequest } from '../api/types'
import { formatDate } from '../ui/dates'
import { keys } from '../api/queries'
import { Field, FormError } from '../ui/Field'
import { formErrors, type FormErrors } from '../ui/errors'
import { takeHandoff } from '../ui/handoff'
import { useUnsavedEdits } from '../ui/unsaved'
import { requestSources, sourceNeedsLink } from './sources'

const inputs = ['source', 'conversation_url', 'email', 'name', 'company', 'quote'] as const
export type SupportFields = Record<(typeof inputs)[number], string>
const blank: SupportFields = { source: '', conversation_url: '', email: '', name: '', company: '', quote: '' }

/** The handoff key under which another screen leaves what the form should start with. */
export const supportDraftKey = (cardId: string) => 'support-draft:' + cardId

/** What must be filled before asking the server; the server checks the rest. */
export function checkSupportForm(f: SupportFields): Record<string, string> {
  const fields: Record<string, string> = {}
  const url = f.conversation_url.trim()
  if (!url && sourceNeedsLink(f.source))
    fields.conversation_url = 'Paste the link to the conversation, or pick where they asked (a phone call, a meeting).'
  else if (url && !/^(https?:\/\/|mailto:)\S+$/i.test(url)) fields.conversation_url = 'This should be a link starting with https://'
  if (!f.email.trim()) fields.email = 'Enter the email of the person who asked.'
  else if (!/^[^\s@]+@[^\s@]+$/.test(f.email.trim())) fields.email = 'This does not look like an email address.'
  return fields
}

/**
 * The support flow in one submit: who asked, where (a conversation link, or a phone call, a
 * meeting, a chat without one) and their words become a request on this card. Ctrl+Enter
 * (⌘+Enter) submits from any field.
 */
export function SupportForm({ card }: { card: Card }) {
  const qc = useQueryClient()
  const [form, setForm] = useState<SupportFields>(() => ({ ...blank, ...takeHandoff<Partial<SupportFields>>(supportDraftKey(card.id)) }))
  const [local, setLocal] = useState<Record<string, string>>({})
  const [done, setDone] = useState<LinkedRequest | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  useUnsavedEdits(Object.entries(form).some(([k, v]) => k !== 'source' && v.trim()) ? 'the request you were linking' : null)
  const link = useMutation({
    mutationFn: () =>
      ep.createRequest(card.id, {
        email: form.email.trim(),
        name: form.name.trim() || undefined,
        company: form.company.trim() || undefined,
        quote: form.quote.trim() || undefined,
        source: form.source || undefined,
        conversation_url: form.conversation_url.trim() || undefined,
      }),
    onSuccess: (r) => {
      setDone(r)
      setForm(blank)
      for (const k of [keys.requests(card.id), keys.conversations(card.id), keys.card(card.id), keys.cards(card.board_id), keys.activity(card.id), keys.deliveries(card.id)])
        void qc.invalidateQueries({ queryKey: k })
    },
  })
  const api = formErrors(link.error, inputs)
  const errors: FormErrors = { fields: { ...api.fields, ...local }, form: api.form }
  const set = (k: keyof SupportFields) => (e: { target: { value: string } }) => {
    setForm({ ...form, [k]: e.target.value })
    if (local[k]) setLocal({ ...local, [k]: '' })
  }
  function submit(e: FormEvent) {
    e.preventDefault()
    if (link.isPending) return
    setDone(null)
    const problems = checkSupportForm(form)
    setLocal(problems)
    if (Object.keys(problems).length === 0) link.mutate()
    else link.reset()
  }
  function shortcut(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      formRef.current?.requestSubmit()
    }
  }
  const linkOptional = !sourceNeedsLink(form.source)
  const who = done && (done.requester.name || done.requester.email)
  return (
    <section className="section support" aria-labelledby="support-h">
      <h3 id="support-h">Link a request</h3>
      {card.shipped_at && (
        <p className="notice" data-testid="already-shipped">
          This already shipped on {formatDate(card.shipped_at)}. The person you link gets the shipped email right away.
        </p>
      )}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Ctrl+Enter bubbles up from the form's own inputs; the submit button stays the way for everyone else */}
      <form ref={formRef} onSubmit={submit} onKeyDown={shortcut} className="stack" noValidate>
        <FormError message={errors.form} />
        <div className="row">
          <Field label="Where they asked" error={errors.fields.source || undefined}>
            <select value={form.source} onChange={set('source')}>
              {requestSources.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Conversation link" optional={linkOptional} error={errors.fields.conversation_url || undefined}>
            <input type="url" inputMode="url" value={form.conversation_url} onChange={set('conversation_url')} placeholder="https://app.intercom.com/…/conversation/123" />
          </Field>
        </div>
        <div className="row">
          <Field label="Their email" error={errors.fields.email || undefined}>
            <input type="email" value={form.email} onChange={set('email')} placeholder="jane@example.com" />
          </Field>
          <Field label="Their name" optional error={errors.fields.name}>
            <input value={form.name} onChange={set('name')} autoComplete="off" />
          </Field>
          <Field label="Company" optional error={errors.fields.company}>
            <input value={form.company} onChange={set('company')} autoComplete="off" />
          </Field>
        </div>
        <Field label="What they said" optional error={errors.fields.quote} hint="Their own words help whoever builds it.">
          <textarea rows={2} value={form.quote} onChange={set('quote')} />
        </Field>
        <div className="actions">
          <span className="muted small" aria-hidden="true">
            Ctrl+Enter
          </span>
          <button type="submit" className="btn btn-primary" disabled={link.isPending} aria-keyshortcuts="Control+Enter Meta+Enter">
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
