import type { ApiErrorBody, Page } from './types'

/** A failed API call, carrying the API's error body (code, message, per-field messages). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
  }
}

// The session cookie is HttpOnly; the CSRF token it came with lives here for the page's lifetime.
let csrfToken = ''
let onUnauthorized: () => void = () => {}

export function setCsrfToken(token: string) {
  csrfToken = token
}

/** Called when any call answers 401: the session ended, so the app goes back to sign-in. */
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn
}

export interface CallOptions {
  /** The card version the change was based on: the API answers 412 if someone changed it since. */
  ifMatch?: number
  signal?: AbortSignal
  /** A file sent as the body as it is, with its own Content-Type (uploads). */
  raw?: { body: BodyInit; type: string }
}

const base = '/api/v1'

export async function api<T>(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.raw) headers['Content-Type'] = opts.raw.type
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  if (opts.ifMatch !== undefined) headers['If-Match'] = String(opts.ifMatch)
  let res: Response
  try {
    res = await fetch(base + path, {
      method,
      headers,
      body: opts.raw ? opts.raw.body : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.')
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  const data: unknown = text ? safeJSON(text) : undefined
  if (!res.ok) {
    const err = toApiError(res.status, data)
    if (res.status === 401 && path !== '/session') onUnauthorized()
    throw err
  }
  return data as T
}

function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const fallbackMessages: Record<number, string> = {
  401: 'Please sign in again.',
  403: 'Your role does not allow this.',
  404: 'This no longer exists, or you cannot see it.',
  409: 'This conflicts with something else; reload and try again.',
  412: 'Someone else changed this meanwhile.',
  413: 'That is too large to send.',
  429: 'Too many attempts; wait a moment and try again.',
}

export function toApiError(status: number, data: unknown): ApiError {
  const body = data as Partial<ApiErrorBody> | undefined
  const e = body?.error
  if (e && typeof e.message === 'string') {
    return new ApiError(status, e.code || 'error', e.message, e.fields ?? {})
  }
  return new ApiError(status, 'http_' + status, fallbackMessages[status] ?? `The server answered ${status}.`)
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? '?' + s : ''
}

/**
 * Follows next_cursor until the list ends, however long it is: nothing is cut off without a
 * word. A server bug that answers a cursor it already gave cannot loop forever.
 */
export async function listAll<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = []
  const seen = new Set<string>()
  let cursor: string | null = null
  for (;;) {
    const page: Page<T> = await api<Page<T>>('GET', path + query({ ...params, limit: 200, cursor }))
    items.push(...page.items)
    cursor = page.next_cursor
    if (!cursor) return items
    if (seen.has(cursor)) throw new ApiError(0, 'cursor_loop', 'The server sent the same page twice; reload to try again.')
    seen.add(cursor)
  }
}
