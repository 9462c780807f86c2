import { afterEach, describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { board, makeCard } from '../test/fixtures'
import { supportDraftKey } from '../cards/SupportForm'
import { putHandoff, takeHandoff } from '../ui/handoff'
import { LinkRequestPage, pendingDraftKey } from './LinkRequestPage'

afterEach(() => window.history.replaceState(null, '', '/'))

describe('LinkRequestPage', () => {
  it('offers “Create ‘webhook’” when the search finds nothing; the new card opens with the draft', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('support'),
      'GET /boards': () => ({ items: [board], next_cursor: null }),
      'GET /boards/b1/cards': () => ({ items: [], next_cursor: null }),
      'POST /boards/b1/cards': () => [201, makeCard({ id: 'k9', title: 'webhook', kind: 'request' })],
    })
    putHandoff(pendingDraftKey, { email: 'ann@example.com', quote: 'Send us webhooks' })
    const user = userEvent.setup()
    renderApp(<LinkRequestPage />)
    expect((await screen.findByTestId('pending-draft')).textContent).toMatch(/ann@example.com/)
    await user.type(screen.getByLabelText('Search cards on every board'), 'webhook')
    await user.click(await screen.findByRole('button', { name: 'Create ‘webhook’' }))
    await expect.poll(() => window.location.pathname + window.location.search).toBe('/boards/b1?card=k9')
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ column_id: 'c-open', kind: 'request', title: 'webhook' })
    expect(calls.find((c) => c.path.startsWith('/boards/b1/cards?'))!.path).toBe('/boards/b1/cards?q=webhook&sort=demand&limit=20')
    expect(takeHandoff(supportDraftKey('k9'))).toEqual({ email: 'ann@example.com', quote: 'Send us webhooks' })
  })

  it('opens a card the search found, and says why support cannot create elsewhere', async () => {
    mockApi({
      'GET /session': () => sessionFor('support'),
      'GET /boards': () => ({ items: [board], next_cursor: null }),
      'GET /boards/b1/cards': () => ({ items: [makeCard({ title: 'Webhook retries' })], next_cursor: null }),
      'POST /boards/b1/cards': () => [403, { error: { code: 'forbidden', message: 'support can create cards only in open columns; "Planned" is planned' } }],
    })
    const user = userEvent.setup()
    renderApp(<LinkRequestPage />)
    await user.type(await screen.findByLabelText('Search cards on every board'), 'webhook')
    expect(await screen.findByRole('button', { name: /Webhook retries/ })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'None of these: create ‘webhook’' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/only in open columns/)
    await user.click(screen.getByRole('button', { name: /Webhook retries/ }))
    await expect.poll(() => window.location.pathname + window.location.search).toBe('/boards/b1?card=k1')
  })

  it('finds a card by its number (#12, closeloop-12)', async () => {
    mockApi({
      'GET /session': () => sessionFor('support'),
      'GET /boards': () => ({ items: [board], next_cursor: null }),
      'GET /boards/b1/cards': () => ({ items: [], next_cursor: null }),
      'GET /cards/by-number/12': () => makeCard({ title: 'Webhook retries' }),
    })
    const user = userEvent.setup()
    renderApp(<LinkRequestPage />)
    await user.type(await screen.findByLabelText('Search cards on every board'), 'closeloop-12')
    expect(await screen.findByRole('button', { name: /#12 Webhook retries/ })).toBeTruthy()
  })

  it('is not offered to viewers', async () => {
    mockApi({ 'GET /session': () => sessionFor('viewer'), 'GET /boards': () => ({ items: [board], next_cursor: null }) })
    renderApp(<LinkRequestPage />)
    expect(await screen.findByText('Your role cannot link requests.')).toBeTruthy()
  })
})
