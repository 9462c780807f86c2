import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { createIntegration, type IntegrationKind, type IntegrationWithSecret } from './api'
import { kinds, tools } from './tools'

export function NewIntegration({ onCreated }: { onCreated: (i: IntegrationWithSecret) => void }) {
  const qc = useQueryClient()
  const [kind, setKind] = useState<IntegrationKind>('intercom')
  const [name, setName] = useState('')
  const [secret, setSecret] = useState('')
  const info = tools[kind]
  const create = useMutation({
    mutationFn: () => createIntegration({ kind, name: name.trim() || info.label, secret: secret.trim() || undefined }),
    onSuccess: (i) => {
      setName('')
      setSecret('')
      void qc.invalidateQueries({ queryKey: ['integrations'] })
      onCreated(i)
    },
  })
  const errors = formErrors(create.error, ['kind', 'name', 'secret'])
  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }
  return (
    <form noValidate className="subform stack" onSubmit={submit}>
      <h3>Add an integration</h3>
      <FormError message={errors.form} />
      <div className="row">
        <Field label="Tool" error={errors.fields.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as IntegrationKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {tools[k].label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Name" optional error={errors.fields.name} hint={`Shown in the event log, e.g. “${info.label} — EU workspace”`}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={info.label} />
        </Field>
      </div>
      {info.secretFrom === 'tool' ? (
        <Field label={`${info.label}’s signing secret`} optional error={errors.fields.secret} hint={info.secretHint}>
          <input value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
      ) : (
        <p className="muted small">Closeloop makes the secret; you paste it into {info.label}. It is shown once, right after you add the integration.</p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add integration'}
        </button>
      </div>
    </form>
  )
}
