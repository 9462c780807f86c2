import { useId } from 'react'
import { webhookEvents, type WebhookEvent } from './api'

/** The events a webhook hears, as checkboxes. */
export function EventChoices({ value, onChange, error }: { value: WebhookEvent[]; onChange: (v: WebhookEvent[]) => void; error?: string }) {
  const id = useId()
  return (
    <fieldset className="field" aria-describedby={error ? id + '-err' : undefined}>
      <legend>Events</legend>
      {webhookEvents.map(({ event, label }) => (
        <label key={event} className="check">
          <input
            type="checkbox"
            checked={value.includes(event)}
            onChange={(e) => onChange(e.target.checked ? [...value, event] : value.filter((v) => v !== event))}
          />{' '}
          {label} <code className="muted small">{event}</code>
        </label>
      ))}
      {error && (
        <div className="field-error" id={id + '-err'} role="alert">
          {error}
        </div>
      )}
    </fieldset>
  )
}
