import { useId, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { CopyField } from '../ui/CopyButton'
import { Dialog } from '../ui/Dialog'
import { FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { deleteWebhook, deliveriesKey, testWebhook, updateWebhook, webhooksKey, type Webhook, type WebhookEvent } from './api'
import { DeliveryLog } from './DeliveryLog'
import { EventChoices } from './EventChoices'

interface Props {
  webhook: Webhook
  /** Known only right after creating. */
  secret?: string
  onDeleted: () => void
}

export function WebhookDetail({ webhook: w, secret, onDeleted }: Props) {
  const qc = useQueryClient()
  const toast = useToast()
  const headId = useId()
  const [confirmDelete, setConfirmDelete] = useState(false)
  const send = useMutation({
    mutationFn: () => testWebhook(w.id),
    onSuccess: () => {
      toast('Test queued: watch the delivery log.')
      void qc.invalidateQueries({ queryKey: deliveriesKey(w.id) })
    },
    onError: (err) => toast(describe(err), 'error'),
  })
  const update = useMutation({
    mutationFn: (patch: { events?: WebhookEvent[]; enabled?: boolean }) => updateWebhook(w.id, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: webhooksKey }),
  })
  const errors = formErrors(update.error, ['events', 'enabled'])
  return (
    <section className="panel" aria-labelledby={headId}>
      <div className="panel-head">
        <h2 id={headId}>
          {w.description || w.url} <span className="muted small">({w.format === 'slack' ? 'Slack' : 'Standard Webhooks'})</span>
        </h2>
        <div className="actions">
          <button type="button" className="btn btn-small" disabled={send.isPending} onClick={() => send.mutate()}>
            Send test
          </button>
          <button type="button" className="btn btn-small" onClick={() => update.mutate({ enabled: !w.enabled })}>
            {w.enabled ? 'Pause' : 'Resume'}
          </button>
          <button type="button" className="btn btn-danger-quiet btn-small" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </div>
      </div>
      <p className="muted small">
        {w.enabled ? 'Active' : 'Paused: events are not sent'} · <code>{w.url}</code>
      </p>
      {secret && (
        <div className="secret" role="status">
          <p>
            <strong>Copy the signing secret now.</strong> It is shown only once. Your receiver checks the <code>webhook-signature</code> header
            with it (any Standard Webhooks library does).
          </p>
          <CopyField label="Signing secret" value={secret} />
        </div>
      )}
      <FormError message={errors.form} />
      <EventChoices value={w.events} onChange={(events) => update.mutate({ events })} error={errors.fields.events} />
      <DeliveryLog webhook={w} />
      {confirmDelete && <DeleteDialog webhook={w} onDeleted={() => { setConfirmDelete(false); onDeleted() }} onClose={() => setConfirmDelete(false)} />}
    </section>
  )
}

function DeleteDialog({ webhook: w, onDeleted, onClose }: { webhook: Webhook; onDeleted: () => void; onClose: () => void }) {
  const qc = useQueryClient()
  const del = useMutation({
    mutationFn: () => deleteWebhook(w.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: webhooksKey })
      onDeleted()
    },
  })
  const errors = formErrors(del.error, [])
  return (
    <Dialog title="Delete this webhook?" onClose={onClose}>
      <div className="stack">
        <p>Nothing more is sent to {w.url}, pending retries stop, and its delivery log goes with it.</p>
        <FormError message={errors.form} />
        <div className="actions">
          <button type="button" className="btn btn-quiet" data-dismiss onClick={onClose}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" disabled={del.isPending} onClick={() => del.mutate()}>
            Delete webhook
          </button>
        </div>
      </div>
    </Dialog>
  )
}
