import type { ReactNode } from 'react'
import { ApiError } from '../api/client'
import { describe } from './errors'

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  )
}

/** A failed load, worded by what the API said: gone, not allowed, or broken. */
export function LoadError({ error, what, retry }: { error: unknown; what: string; retry?: () => void }) {
  const status = error instanceof ApiError ? error.status : 0
  let title = `Could not load ${what}.`
  if (status === 404) title = `This ${what} does not exist, or it was deleted.`
  if (status === 403) title = `Your role cannot see this ${what}.`
  return (
    <div className="empty empty-error" role="alert">
      <p className="empty-title">{title}</p>
      <p className="empty-body">{status === 404 || status === 403 ? null : describe(error)}</p>
      <p>
        {retry && status !== 404 && status !== 403 && (
          <button type="button" className="btn" onClick={retry}>
            Try again
          </button>
        )}{' '}
        <a href="/">Back to boards</a>
      </p>
    </div>
  )
}
