import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { createWebhook, webhooksKey, type CreatedWebhook, type WebhookEvent, type WebhookFormat } from './api'
import { EventChoices } from './EventChoices'

export function NewWebhook({ onCreated }: { onCreated: (w: CreatedWebhook) => void }) {
  const qc = useQueryClient()
  const [url, setUrl] = useState('')
  const [format, setFormat] = useState<WebhookFormat>('standard')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<WebhookEvent[]>(['card.shipped'])
  const create = useMutation({
    mutationFn: () => createWebhook({ url: url.trim(), format, events, description: description.trim() || undefined }),
    onSuccess: (w) => {
      setUrl('')
      setDescription('')
      void qc.invalidateQueries({ queryKey: webhooksKey })
      onCreated(w)
    },
  })
  const errors = formErrors(create.error, ['url', 'format', 'events', 'description'])
  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }
  return (
    <form noValidate className="subform stack" onSubmit={submit}>
      <h3>Add a webhook</h3>
      <FormError message={errors.form} />
      <Field
        label="URL"
        error={errors.fields.url}
        hint={format === 'slack' ? 'The incoming-webhook URL Slack gives you (https://hooks.slack.com/services/…).' : 'Closeloop POSTs signed JSON here.'}
      >
        <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" inputMode="url" spellCheck={false} placeholder="https://" />
      </Field>
      <div className="row">
        <Field label="Format" error={errors.fields.format}>
          <select value={format} onChange={(e) => setFormat(e.target.value as WebhookFormat)}>
            <option value="standard">Standard Webhooks (signed JSON)</option>
            <option value="slack">Slack message</option>
          </select>
        </Field>
        <Field label="Description" optional error={errors.fields.description}>
          <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="#product channel" />
        </Field>
      </div>
      <EventChoices value={events} onChange={setEvents} error={errors.fields.events} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add webhook'}
        </button>
      </div>
    </form>
  )
}
