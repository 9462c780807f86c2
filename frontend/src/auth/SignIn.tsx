import { useState, type FormEvent, type ReactNode } from 'react'
import { useSession } from './session'
import { Field, FormError } from '../ui/Field'
import { formErrors, noErrors, type FormErrors } from '../ui/errors'
import { ApiError } from '../api/client'

/** The sign-in form; children go under its button (the app's "Forgot password?" link). */
export function SignIn({ reason, children }: { reason?: string; children?: ReactNode }) {
  const { signIn } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setErrors(noErrors)
    try {
      await signIn(email.trim(), password)
    } catch (err) {
      const fe = formErrors(err, ['email', 'password'])
      if (err instanceof ApiError && err.status === 401) fe.form = 'That email and password do not match a member.'
      setErrors(fe)
      setBusy(false)
    }
  }

  return (
    <main className="signin">
      <form className="signin-box" onSubmit={(e) => void submit(e)} noValidate>
        <h1>
          <span className="brand-mark" aria-hidden="true">◎</span> Closeloop
        </h1>
        <p className="muted">Sign in to your team’s boards.</p>
        {reason && <p className="notice">{reason}</p>}
        <FormError message={errors.form} />
        <Field label="Email" error={errors.fields.email}>
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- signing in is the only thing this page is for */}
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        </Field>
        <Field label="Password" error={errors.fields.password}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !email || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {children}
      </form>
    </main>
  )
}
