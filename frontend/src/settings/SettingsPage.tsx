import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSession } from '../auth/session'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { Empty, LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { getSettings, settingsKey, updateSettings, type Settings } from './api'

const fields = ['product_name', 'sender_name', 'reply_to', 'signature', 'accent_color', 'coalesce_seconds'] as const

/** The workspace's settings: who every email to a requester speaks as. */
export function SettingsPage() {
  const { can } = useSession()
  const settings = useQuery({ queryKey: settingsKey, queryFn: getSettings })
  if (!can('admin'))
    return (
      <main className="page narrow">
        <Empty title="Only admins change the workspace's settings.">Ask an admin to change how emails are signed.</Empty>
      </main>
    )
  return (
    <main className="page narrow">
      <div className="page-head">
        <h1>Workspace settings</h1>
      </div>
      <p className="muted">
        Everyone who asked for something hears from your team, in your team's name. Nothing they receive names the tool you
        track requests in.
      </p>
      {settings.isPending ? (
        <Spinner />
      ) : settings.isError ? (
        <LoadError error={settings.error} what="settings" retry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.updated_at} current={settings.data} />
      )}
    </main>
  )
}

function SettingsForm({ current }: { current: Settings }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [v, setV] = useState({
    product_name: current.product_name,
    sender_name: current.sender_name,
    reply_to: current.reply_to,
    signature: current.signature,
    accent_color: current.accent_color,
    coalesce_seconds: String(current.coalesce_seconds),
  })
  const save = useMutation({
    mutationFn: () => updateSettings({ ...v, coalesce_seconds: Number(v.coalesce_seconds) }),
    onSuccess: (s) => {
      qc.setQueryData(settingsKey, s)
      toast('Settings saved. The next email speaks this way.')
    },
  })
  const errors = formErrors(save.error, fields)
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value })
  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  const team = v.product_name.trim() ? `The ${v.product_name.trim()} team` : 'The team'
  return (
    <form noValidate className="panel stack" onSubmit={submit} aria-label="Workspace settings">
      <FormError message={errors.form} />
      <Field label="Product name" error={errors.fields.product_name} hint="Emails and public pages say “the … team”; until it is set they say “us”.">
        <input value={v.product_name} onChange={set('product_name')} maxLength={80} />
      </Field>
      <Field label="Sender name" optional error={errors.fields.sender_name} hint="The From name, e.g. “Maya at Acme”. The address stays the server's MAIL_FROM.">
        <input value={v.sender_name} onChange={set('sender_name')} maxLength={80} />
      </Field>
      <Field label="Reply-to address" optional error={errors.fields.reply_to} hint="Where a reply goes: your help desk's address.">
        <input type="email" value={v.reply_to} onChange={set('reply_to')} />
      </Field>
      <Field label="Signature" optional error={errors.fields.signature} hint={`Ends every email. Empty: “${team}”.`}>
        <textarea rows={3} value={v.signature} onChange={set('signature')} maxLength={500} />
      </Field>
      <Field label="Accent colour" optional error={errors.fields.accent_color} hint="#rrggbb, for links and the public roadmap.">
        <input value={v.accent_color} onChange={set('accent_color')} placeholder="#2563eb" />
      </Field>
      <Field
        label="Fold shipped emails (seconds)"
        error={errors.fields.coalesce_seconds}
        hint="0 sends each at once. Above 0, a person's shipped emails wait up to this long, and everything shipped for them meanwhile goes out as one email listing each card."
      >
        <input type="number" min={0} max={86400} value={v.coalesce_seconds} onChange={set('coalesce_seconds')} />
      </Field>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save settings
        </button>
      </div>
    </form>
  )
}
