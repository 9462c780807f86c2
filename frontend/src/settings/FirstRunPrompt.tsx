import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSession } from '../auth/session'
import { useLocation } from '../app/router'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { getSettings, settingsKey, updateSettings } from './api'

/**
 * Until the workspace has a product name, an admin is asked for it once, above every
 * page but a board's (a board is exactly the window: a banner above it would push its
 * columns off the screen): emails say "the … team" with it, and "us" without. "Later"
 * hides the prompt for this browser session.
 */
export function FirstRunPrompt() {
  const { can } = useSession()
  const { path } = useLocation()
  const admin = can('admin')
  const onBoard = path.startsWith('/boards/')
  // Not asked for on a board, where it is not shown: opening a board asks only for what it shows.
  const settings = useQuery({ queryKey: settingsKey, queryFn: getSettings, enabled: admin && !onBoard })
  const [later, setLater] = useState(() => sessionStorage.getItem('closeloop.product-prompt') === 'later')
  const [name, setName] = useState('')
  const qc = useQueryClient()
  const save = useMutation({
    mutationFn: () => updateSettings({ product_name: name.trim() }),
    onSuccess: (s) => qc.setQueryData(settingsKey, s),
  })
  if (!admin || later || onBoard || !settings.data || settings.data.product_name) return null
  const errors = formErrors(save.error, ['product_name'])
  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  return (
    <section className="panel first-run" aria-labelledby="first-run-h">
      <h2 id="first-run-h">What is your product called?</h2>
      <p className="muted">
        The people who asked for things hear from your team: “You asked the Acme team for this”. Until you name it, emails
        say “us”.
      </p>
      <form noValidate className="row" onSubmit={submit}>
        <FormError message={errors.form} />
        <Field label="Product name" error={errors.fields.product_name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || save.isPending}>
            Save
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              sessionStorage.setItem('closeloop.product-prompt', 'later')
              setLater(true)
            }}
          >
            Later
          </button>
        </div>
      </form>
    </section>
  )
}
