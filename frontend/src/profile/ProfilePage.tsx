import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Member } from '../api/types'
import { roleHelp } from '../auth/roles'
import { useSession } from '../auth/session'
import { formatDate } from '../ui/dates'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { Empty } from '../ui/States'
import { useToast } from '../ui/Toast'

/** The signed-in member's own page: their name, the email they sign in with, their password. */
export function ProfilePage() {
  const { member } = useSession()
  if (!member?.id || member.id === '00000000-0000-0000-0000-000000000000')
    return (
      <main className="page narrow">
        <Empty title="An API token has no profile.">Sign in as a member to see yours.</Empty>
      </main>
    )
  return (
    <main className="page narrow">
      <div className="page-head">
        <h1>Your profile</h1>
      </div>
      <NameForm key={member.name} member={member} />
      <PasswordForm />
    </main>
  )
}

function NameForm({ member }: { member: Member }) {
  const { setMember } = useSession()
  const qc = useQueryClient()
  const toast = useToast()
  const [name, setName] = useState(member.name)
  const save = useMutation({
    mutationFn: () => ep.updateOwnAccount({ name: name.trim() }),
    onSuccess: (m) => {
      setMember(m)
      void qc.invalidateQueries({ queryKey: ['teammates'] })
      toast('Your name is saved.', 'success')
    },
  })
  const errors = formErrors(save.error, ['name'])
  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  return (
    <section className="panel" aria-labelledby="profile-h">
      <h2 id="profile-h">You</h2>
      <form noValidate className="stack" onSubmit={submit}>
        <FormError message={errors.form} />
        <Field label="Name" error={errors.fields.name} hint="Your teammates see it on cards you own and notes you write.">
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </Field>
        <dl className="profile-facts">
          <dt>Email</dt>
          <dd data-testid="profile-email">{member.email}</dd>
          <dt>Role</dt>
          <dd>
            <span className={'role role-' + member.role}>{member.role}</span> <span className="muted small">The {member.role} role {roleHelp[member.role]}.</span>
          </dd>
          <dt>Member since</dt>
          <dd>{formatDate(member.created_at)}</dd>
        </dl>
        <p className="muted small">The email you sign in with and your role are set by an admin of your team.</p>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !name.trim() || name.trim() === member.name}>
            Save name
          </button>
        </div>
      </form>
    </section>
  )
}

function PasswordForm() {
  const toast = useToast()
  const blank = { current_password: '', password: '' }
  const [v, setV] = useState(blank)
  const save = useMutation({
    mutationFn: () => ep.updateOwnAccount(v),
    onSuccess: () => {
      setV(blank)
      toast('Password changed. Every other browser signed in as you is signed out.', 'success')
    },
  })
  const errors = formErrors(save.error, ['current_password', 'password'])
  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  return (
    <section className="panel" aria-labelledby="password-h">
      <h2 id="password-h">Change password</h2>
      <form noValidate className="stack" onSubmit={submit}>
        <FormError message={errors.form} />
        <div className="row">
          <Field label="Current password" error={errors.fields.current_password}>
            <input type="password" autoComplete="current-password" value={v.current_password} onChange={(e) => setV({ ...v, current_password: e.target.value })} />
          </Field>
          <Field label="New password" error={errors.fields.password} hint="At least 10 characters">
            <input type="password" autoComplete="new-password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !v.current_password || !v.password}>
            Change password
          </button>
        </div>
      </form>
    </section>
  )
}
