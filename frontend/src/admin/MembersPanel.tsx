import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Member, Role } from '../api/types'
import { useSession } from '../auth/session'
import { formatDate } from '../ui/dates'
import { Field, FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
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
              <th>Email</th>
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
  const update = useMutation({
    mutationFn: (role: Role) => ep.updateMember(m.id, { role }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members'] }),
    onError: (e) => toast(describe(e), 'error'),
  })
  const remove = useMutation({
    mutationFn: () => ep.deleteMember(m.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members'] }),
    onError: (e) => toast(describe(e), 'error'),
  })
  return (
    <tr>
      <td>
        {m.name}
        {self && <span className="muted"> (you)</span>}
      </td>
      <td>{m.email}</td>
      <td>
        {self ? (
          <span className={'role role-' + m.role}>{m.role}</span>
        ) : (
          <RoleSelect value={m.role} label={`Role of ${m.name}`} onChange={(r) => update.mutate(r)} />
        )}
      </td>
      <td>{formatDate(m.created_at)}</td>
      <td>
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
  const create = useMutation({
    mutationFn: () => ep.createMember({ ...form, email: form.email.trim(), name: form.name.trim() }),
    onSuccess: (m) => {
      setForm(blank)
      qc.invalidateQueries({ queryKey: ['members'] })
      toast(`Added ${m.name}. Share the password with them privately.`, 'success')
    },
  })
  const errors = formErrors(create.error, ['email', 'name', 'role', 'password'])
  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }
  return (
    <form noValidate className="subform stack" onSubmit={submit}>
      <h3>Add a member</h3>
      <FormError message={errors.form} />
      <div className="row">
        <Field label="Name" error={errors.fields.name}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Email" error={errors.fields.email}>
          <input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" />
        </Field>
      </div>
      <div className="row">
        <Field label="Role" error={errors.fields.role}>
          <RoleSelect value={form.role} onChange={(role) => setForm({ ...form, role })} />
        </Field>
        <Field label="Password" error={errors.fields.password} hint="At least 10 characters">
          <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !form.email || !form.name || !form.password}>
          Add member
        </button>
      </div>
    </form>
  )
}
