import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Member, Role } from '../api/types'
import { roleHelp } from '../auth/roles'
import { useSession } from '../auth/session'
import { formatDate } from '../ui/dates'
import { Field, FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { RoleChangeDialog } from './RoleChangeDialog'
import { RoleSelect } from './RoleSelect'

export function MembersPanel() {
  const members = useQuery({ queryKey: ['members'], queryFn: ep.listMembers })
  return (
    <section className="panel" aria-labelledby="members-h">
      <h2 id="members-h">Members</h2>
      {members.isPending ? (
        <Spinner />
      ) : members.isError ? (
        <LoadError error={members.error} what="members" retry={() => void members.refetch()} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th className="wide-only">Email</th>
              <th>Role</th>
              <th>Since</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <MemberRow key={m.id} m={m} />
            ))}
          </tbody>
        </table>
      )}
      <NewMember />
    </section>
  )
}

function MemberRow({ m }: { m: Member }) {
  const qc = useQueryClient()
  const toast = useToast()
  const { member: me } = useSession()
  const self = me?.id === m.id
  const [asked, setAsked] = useState<Role | null>(null)
  const update = useMutation({
    mutationFn: (role: Role) => ep.updateMember(m.id, { role }),
    onSuccess: (saved) => {
      setAsked(null)
      toast(`${saved.name} is now ${saved.role} and ${roleHelp[saved.role]}.`, 'success')
      return qc.invalidateQueries({ queryKey: ['members'] })
    },
    onError: (e) => {
      setAsked(null)
      toast(describe(e), 'error')
    },
  })
  const remove = useMutation({
    mutationFn: () => ep.deleteMember(m.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members'] }),
    onError: (e) => toast(describe(e), 'error'),
  })
  const resend = useMutation({
    mutationFn: () => ep.resendInvite(m.id),
    onSuccess: (saved) => {
      toast(`Sent ${saved.name} a new invitation. The link in it works for 7 days; earlier links no longer do.`, 'success')
      return qc.invalidateQueries({ queryKey: ['members'] })
    },
    onError: (e) => toast(describe(e), 'error'),
  })
  const [now] = useState(() => Date.now())
  const expired = m.invite_expires_at !== null && new Date(m.invite_expires_at).getTime() < now
  return (
    <tr>
      <td>
        {m.name}
        {self && <span className="muted"> (you)</span>}
        {/* On a phone the email sits under the name instead of in a column of its own. */}
        <span className="narrow-only muted small">{m.email}</span>
      </td>
      <td className="wide-only">{m.email}</td>
      <td>
        {self ? (
          <span className={'role role-' + m.role}>{m.role}</span>
        ) : (
          <RoleSelect value={m.role} aria-label={`Role of ${m.name}`} onChange={(r) => r !== m.role && setAsked(r)} />
        )}
        {asked && (
          <RoleChangeDialog member={m} role={asked} busy={update.isPending} onConfirm={() => update.mutate(asked)} onCancel={() => setAsked(null)} />
        )}
      </td>
      <td>
        {m.invited_at ? (
          <span className={'member-invited' + (expired ? ' member-invite-expired' : '')} data-testid="invite-status">
            {expired ? 'Invitation expired' : 'Invited'}
            <span className="muted small"> {expired ? 'on ' : 'until '}{formatDate(m.invite_expires_at ?? m.invited_at)}</span>
          </span>
        ) : (
          formatDate(m.created_at)
        )}
      </td>
      <td className="member-actions">
        {m.invited_at && !m.disabled_at && (
          <button type="button" className="btn btn-small" disabled={resend.isPending} onClick={() => resend.mutate()}
            aria-label={`Resend invite to ${m.name}`}>
            Resend invite
          </button>
        )}
        {!self && (
          <button
            type="button"
            className="btn btn-danger-quiet btn-small"
            disabled={remove.isPending}
            onClick={() => window.confirm(`Remove ${m.name}? They can no longer sign in.`) && remove.mutate()}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  )
}

function NewMember() {
  const qc = useQueryClient()
  const toast = useToast()
  const blank = { email: '', name: '', role: 'support' as Role, password: '' }
  const [form, setForm] = useState(blank)
  // Inviting by email is the way; a password typed by the admin is for teams without email set up.
  const [withPassword, setWithPassword] = useState(false)
  const create = useMutation({
    mutationFn: () =>
      ep.createMember({ email: form.email.trim(), name: form.name.trim(), role: form.role, ...(withPassword ? { password: form.password } : {}) }),
    onSuccess: (m) => {
      setForm(blank)
      qc.invalidateQueries({ queryKey: ['members'] })
      toast(
        m.invited_at
          ? `Invited ${m.name}. We emailed ${m.email} a link to set a password; it works for 7 days.`
          : `Added ${m.name}. Share the password with them privately.`,
        'success',
      )
    },
  })
  const errors = formErrors(create.error, ['email', 'name', 'role', 'password'])
  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }
  return (
    <form noValidate className="subform stack" onSubmit={submit}>
      <h3>Invite a member</h3>
      <FormError message={errors.form} />
      <div className="row">
        <Field label="Name" error={errors.fields.name}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Email" error={errors.fields.email} hint={withPassword ? undefined : 'We email them a link to set their own password.'}>
          <input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" />
        </Field>
      </div>
      <div className="row">
        <Field label="Role" error={errors.fields.role} hint={`The ${form.role} role ${roleHelp[form.role]}.`}>
          <RoleSelect value={form.role} onChange={(role) => setForm({ ...form, role })} />
        </Field>
        {withPassword && (
          <Field label="Password" error={errors.fields.password} hint="At least 10 characters">
            <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
          </Field>
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={withPassword} onChange={(e) => setWithPassword(e.target.checked)} /> Set a password for them instead
        of sending an invitation
      </label>
      <div className="actions">
        <button type="submit" className="btn btn-primary"
          disabled={create.isPending || !form.email || !form.name || (withPassword && !form.password)}>
          {withPassword ? 'Add member' : 'Send invitation'}
        </button>
      </div>
    </form>
  )
}
