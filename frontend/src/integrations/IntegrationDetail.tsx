import { useId, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Dialog } from '../ui/Dialog'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { deleteIntegration, rotateIntegrationSecret, type Integration, type IntegrationWithSecret } from './api'
import { EventLog } from './EventLog'
import { SetupSteps, tools } from './tools'

interface Props {
  integration: Integration
  /** Known only right after creating or rotating. */
  secret?: string
  onSecret: (i: IntegrationWithSecret) => void
  onDeleted: () => void
}

export function IntegrationDetail({ integration: i, secret, onSecret, onDeleted }: Props) {
  const [dialog, setDialog] = useState<'rotate' | 'delete' | null>(null)
  const headId = useId()
  const info = tools[i.kind]
  return (
    <section className="panel" aria-labelledby={headId}>
      <div className="panel-head">
        <h2 id={headId}>
          {i.name} <span className="muted small">({info.label})</span>
        </h2>
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={() => setDialog('rotate')}>
            Replace secret
          </button>
          <button type="button" className="btn btn-danger-quiet btn-small" onClick={() => setDialog('delete')}>
            Delete
          </button>
        </div>
      </div>
      {secret && (
        <div className="secret" role="status">
          <p>
            <strong>Copy the secret now.</strong> It is shown only once; Closeloop keeps it to check signatures and never shows it again.
          </p>
        </div>
      )}
      <details className="setup" open>
        <summary>Set up {info.label}</summary>
        <SetupSteps kind={i.kind} url={i.url} secret={secret} />
        <p className="muted small">Then: {info.usage}</p>
      </details>
      <EventLog integration={i} />
      {dialog === 'rotate' && <RotateDialog integration={i} onDone={(r) => { setDialog(null); onSecret(r) }} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteDialog integration={i} onDeleted={() => { setDialog(null); onDeleted() }} onClose={() => setDialog(null)} />}
    </section>
  )
}

function RotateDialog({ integration: i, onDone, onClose }: { integration: Integration; onDone: (r: IntegrationWithSecret) => void; onClose: () => void }) {
  const [secret, setSecret] = useState('')
  const info = tools[i.kind]
  const rotate = useMutation({ mutationFn: () => rotateIntegrationSecret(i.id, secret.trim() || undefined), onSuccess: onDone })
  const errors = formErrors(rotate.error, ['secret'])
  return (
    <Dialog title={`Replace the secret of “${i.name}”`} onClose={onClose}>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          rotate.mutate()
        }}
      >
        <p>Calls signed with the old secret are refused from now on, so update {info.label} right after.</p>
        <FormError message={errors.form} />
        <Field
          label={info.secretFrom === 'tool' ? `${info.label}’s secret` : 'New secret'}
          optional
          error={errors.fields.secret}
          hint={info.secretFrom === 'tool' ? info.secretHint : 'Leave empty and Closeloop makes one.'}
        >
          <input value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <div className="actions">
          <button type="button" className="btn btn-quiet" data-dismiss onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={rotate.isPending}>
            {secret.trim() ? 'Use this secret' : 'Make a new secret'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function DeleteDialog({ integration: i, onDeleted, onClose }: { integration: Integration; onDeleted: () => void; onClose: () => void }) {
  const qc = useQueryClient()
  const del = useMutation({
    mutationFn: () => deleteIntegration(i.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['integrations'] })
      onDeleted()
    },
  })
  const errors = formErrors(del.error, [])
  return (
    <Dialog title={`Delete “${i.name}”?`} onClose={onClose}>
      <div className="stack">
        <p>
          {tools[i.kind].label} calls to its URL are refused from then on, and its event log goes with it. Requests it already linked stay on
          their cards.
        </p>
        <FormError message={errors.form} />
        <div className="actions">
          <button type="button" className="btn btn-quiet" data-dismiss onClick={onClose}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" disabled={del.isPending} onClick={() => del.mutate()}>
            Delete integration
          </button>
        </div>
      </div>
    </Dialog>
  )
}
