import { useState, type FormEvent } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { ApiError } from '../api/client'
import * as ep from '../api/endpoints'
import type { MemberLink } from '../api/types'
import { Link, navigate } from '../app/router'
import { Field, FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { useSession } from '../auth/session'

const dead: Record<string, string> = {
  link_expired: 'This link has expired',
  link_used: 'This link was already used',
  link_invalid: 'This link does not work',
}

/** The page of an emailed link (/invite/… or /reset-password/…): choose a password, and be signed in. */
export function PasswordLinkPage({ token }: { token: string }) {
  const link = useQuery({ queryKey: ['member-link', token], queryFn: () => ep.getMemberLink(token), retry: false, staleTime: Infinity })
  return (
    <main className="signin">
      <div className="signin-box">
        {link.isPending ? (
          <Spinner label="Checking your link…" />
        ) : link.isError ? (
          <DeadLink error={link.error} />
        ) : (
          <ChoosePassword token={token} link={link.data} />
        )}
      </div>
    </main>
  )
}

function DeadLink({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : ''
  const why = error instanceof ApiError ? (error.fields.token ?? error.message) : describe(error)
  return (
    <div role="alert" className="stack">
      <h1>{dead[code] ?? 'This link cannot be opened'}</h1>
      <p>{why}</p>
      <p>
        <Link href="/forgot-password">Email me a new link</Link> · <Link href="/">Sign in</Link>
      </p>
    </div>
  )
}

function ChoosePassword({ token, link }: { token: string; link: MemberLink }) {
  const { adopt } = useSession()
  const toast = useToast()
  const [password, setPassword] = useState('')
  const invite = link.purpose === 'invite'
  const save = useMutation({
    mutationFn: () => ep.setPasswordWithLink(token, password),
    onSuccess: (s) => {
      adopt(s)
      navigate('/', { replace: true })
      toast(invite ? `Welcome, ${s.member.name}! You are signed in.` : 'Your password is changed, and you are signed in.', 'success')
    },
  })
  const errors = formErrors(save.error, ['password'])
  // A link that died meanwhile (used in another tab) gets the same page as on opening.
  if (save.error instanceof ApiError && save.error.fields.token) return <DeadLink error={save.error} />
  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h1>{invite ? `Welcome, ${link.name}` : 'Choose a new password'}</h1>
      <p className="muted">
        {invite
          ? 'Choose a password to join your team’s boards. You will be signed in right away.'
          : 'Choose a new password. Every other browser signed in as you will be signed out.'}
      </p>
      <FormError message={errors.form} />
      <p>
        You sign in as <strong data-testid="link-email">{link.email}</strong>
      </p>
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
      <Field label={invite ? 'Password' : 'New password'} error={errors.fields.password} hint="At least 10 characters">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- choosing a password is the only thing this page is for */}
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
      </Field>
      <button type="submit" className="btn btn-primary btn-block" disabled={save.isPending || !password}>
        {save.isPending ? 'Saving…' : invite ? 'Set password and sign in' : 'Save password and sign in'}
      </button>
    </form>
  )
}
