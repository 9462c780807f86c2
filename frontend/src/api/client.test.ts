import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, listAll, setCsrfToken, setUnauthorizedHandler } from './client'
import { mockApi } from '../test/harness'

afterEach(() => {
  setCsrfToken('')
  setUnauthorizedHandler(() => {})
})

describe('api', () => {
  it('sends the CSRF token and If-Match on writes, not on reads', async () => {
    const calls = mockApi({ 'GET /cards/1': () => ({}), 'PATCH /cards/1': () => ({}) })
    setCsrfToken('tok')
    await api('GET', '/cards/1')
    await api('PATCH', '/cards/1', { title: 'x' }, { ifMatch: 4 })
    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined()
    expect(calls[1]!.headers['X-CSRF-Token']).toBe('tok')
    expect(calls[1]!.headers['If-Match']).toBe('4')
    expect(calls[1]!.headers['Content-Type']).toBe('application/json')
  })

  it('turns the error body into an ApiError with fields', async () => {
    mockApi({ 'POST /boards': () => [422, { error: { code: 'validation_failed', message: 'bad', fields: { name: 'is required' } } }] })
    const err = await api('POST', '/boards', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).fields).toEqual({ name: 'is required' })
  })

  it('calls the sign-in handler on 401, except for the sign-in call itself', async () => {
    mockApi({ 'GET /boards': () => [401, { error: { code: 'unauthorized', message: 'sign in' } }], 'POST /session': () => [401, { error: { code: 'unauthorized', message: 'no' } }] })
    const onUnauthorized = vi.fn()
    setUnauthorizedHandler(onUnauthorized)
    await api('GET', '/boards').catch(() => {})
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    await api('POST', '/session', { email: 'a', password: 'b' }).catch(() => {})
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('says the server is unreachable when fetch itself fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const err = (await api('GET', '/boards').catch((e: unknown) => e)) as ApiError
    expect([err.status, err.code]).toEqual([0, 'network'])
  })
})

describe('listAll', () => {
  it('follows next_cursor to the end', async () => {
    const calls = mockApi({
      'GET /boards': (c) => (c.path.includes('cursor=p2') ? { items: [3], next_cursor: null } : { items: [1, 2], next_cursor: 'p2' }),
    })
    expect(await listAll<number>('/boards')).toEqual([1, 2, 3])
    expect(calls.map((c) => c.path)).toEqual(['/boards?limit=200', '/boards?limit=200&cursor=p2'])
  })
})
