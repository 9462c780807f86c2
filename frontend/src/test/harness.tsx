import type { ReactNode } from 'react'
import { render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { vi } from 'vitest'
import { SessionProvider } from '../auth/session'
import type { Role } from '../api/types'
import { ToastProvider } from '../ui/Toast'

export interface Call {
  method: string
  path: string
  body: unknown
  headers: Record<string, string>
}
/** Returns the body to answer 200 with, or [status, body]. */
type Handler = (call: Call) => unknown

/**
 * Replaces fetch with a table of "METHOD /path" → answer (path without /api/v1 and query).
 * A handler returning [status, body] sets the status; anything else answers 200 with it.
 */
export function mockApi(routes: Record<string, Handler>) {
  const calls: Call[] = []
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(answer(input, init)))
  function answer(input: RequestInfo | URL, init?: RequestInit): Response {
    const url = new URL(input instanceof Request ? input.url : input, 'http://localhost')
    const path = url.pathname.replace(/^\/api\/v1/, '')
    const method = init?.method ?? 'GET'
    const call: Call = {
      method,
      path: path + url.search,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    }
    calls.push(call)
    const handler = routes[`${method} ${path}`]
    if (!handler) return json(404, { error: { code: 'not_found', message: `no mock for ${method} ${path}` } })
    const out = handler(call)
    if (Array.isArray(out) && typeof out[0] === 'number') return json(out[0], out[1])
    return json(200, out)
  }
  vi.stubGlobal('fetch', fetchMock)
  return calls
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

export function sessionFor(role: Role) {
  return { member: { id: 'm-' + role, email: `${role}@example.com`, name: `Pat ${role}`, role }, csrf_token: 'csrf-123' }
}

/** Renders with the app's real providers; the session comes from the mocked GET /session. */
export function renderApp(ui: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const r = render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SessionProvider>{ui}</SessionProvider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  return Object.assign(r, { qc })
}

export { screen }
