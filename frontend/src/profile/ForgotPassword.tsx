import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { Link } from '../app/router'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'

/** "Forgot password?": asks for a reset link. The answer is the same for any address. */
export function ForgotPassword() {
  const [email, setEmail] = useState('')
  const ask = useMutation({ mutationFn: () => ep.requestPasswordReset(email.trim()) })
  const errors = formErrors(ask.error, ['email'])
  function submit(e: FormEvent) {
    e.preventDefault()
    ask.mutate()
  }
  return (
    <main className="signin">
      <div className="signin-box">
        <h1>Forgot your password?</h1>
        {ask.isSuccess ? (
          <>
            <p role="status" className="notice">
              Check your inbox. If <strong>{email.trim()}</strong> belongs to a member of your team, we sent it a link to choose a
              new password. The link works for one hour.
            </p>
            <p className="muted small">Nothing arrived after a few minutes? Look in your spam folder, or ask an admin of your team.</p>
          </>
        ) : (
          <form className="stack" onSubmit={submit} noValidate>
            <p className="muted">Enter the email you sign in with. We will email you a link to choose a new password.</p>
            <FormError message={errors.form} />
            <Field label="Email" error={errors.fields.email}>
              {/* eslint-disable-next-line jsx-a11y/no-autofocus -- asking for the address is the only thing this page is for */}
              <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
            </Field>
            <button type="submit" className="btn btn-primary btn-block" disabled={ask.isPending || !email.trim()}>
              {ask.isPending ? 'Sending…' : 'Email me a link'}
            </button>
          </form>
        )}
        <Link href="/">Back to sign in</Link>
      </div>
    </main>
  )
}
