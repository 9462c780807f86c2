import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { ApiToken, Role } from '../api/types'
import { formatDate } from '../ui/dates'
import { Field, FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { Empty, LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { RoleSelect } from './RoleSelect'

export function TokensPanel() {
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: ep.listTokens })
  const [created, setCreated] = useState<ApiToken | null>(null)
  return (
    <section className="panel" aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <p className="muted">For help-desk integrations and scripts. A support token can link conversations and nothing more.</p>
      {created?.token && <NewTokenSecret token={created} onDone={() => setCreated(null)} />}
      {tokens.isPending ? (
        <Spinner />
      ) : tokens.isError ? (
        <LoadError error={tokens.error} what="tokens" retry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Empty title="No API tokens yet.">Create one below for your help desk.</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <TokenRow key={t.id} t={t} />
            ))}
          </tbody>
        </table>
      )}
      <NewToken onCreated={setCreated} />
    </section>
  )
}

function TokenRow({ t }: { t: ApiToken }) {
  const qc = useQueryClient()
  const toast = useToast()
  const revoke = useMutation({
    mutationFn: () => ep.revokeToken(t.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
    onError: (e) => toast(describe(e), 'error'),
  })
  return (
    <tr className={t.revoked_at ? 'revoked' : undefined}>
      <td>{t.name}</td>
      <td>
        <span className={'role role-' + t.role}>{t.role}</span>
      </td>
      <td>
        <code>{t.prefix || '—'}</code>
      </td>
      <td>{formatDate(t.created_at)}</td>
      <td>{t.last_used_at ? formatDate(t.last_used_at) : 'never'}</td>
      <td>
        {t.revoked_at ? (
          <span className="muted">revoked {formatDate(t.revoked_at)}</span>
        ) : (
          <button
            type="button"
            className="btn btn-danger-quiet btn-small"
            disabled={revoke.isPending}
            onClick={() => window.confirm(`Revoke “${t.name}”? Anything using it stops working at once.`) && revoke.mutate()}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  )
}

function NewTokenSecret({ token, onDone }: { token: ApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="secret" role="status">
      <p>
        <strong>Copy the token for “{token.name}” now.</strong> It is shown only once.
      </p>
      <div className="secret-row">
        <code data-testid="new-token">{token.token}</code>
        <button
          type="button"
          className="btn btn-small"
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent on plain-http origins, whatever lib.dom says
          onClick={() => void navigator.clipboard?.writeText(token.token ?? '').then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={onDone}>
          I saved it
        </button>
      </div>
    </div>
  )
}

function NewToken({ onCreated }: { onCreated: (t: ApiToken) => void }) {
  const qc = useQueryClient()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('support')
  const create = useMutation({
    mutationFn: () => ep.createToken({ name: name.trim(), role }),
    onSuccess: (t) => {
      setName('')
      onCreated(t)
      qc.invalidateQueries({ queryKey: ['tokens'] })
    },
  })
  const errors = formErrors(create.error, ['name', 'role'])
  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }
  return (
    <form noValidate className="subform stack" onSubmit={submit}>
      <h3>Create a token</h3>
      <FormError message={errors.form} />
      <div className="row">
        <Field label="Name" error={errors.fields.name} hint="Where it is used, e.g. “Intercom app”">
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Role" error={errors.fields.role}>
          <RoleSelect value={role} onChange={setRole} />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.isPending}>
          Create token
        </button>
      </div>
    </form>
  )
}
