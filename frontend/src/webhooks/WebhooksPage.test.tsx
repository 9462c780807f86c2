import { afterEach, describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { within } from '@testing-library/react'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import type { Webhook, WebhookDelivery } from './api'
import { WebhooksPage } from './WebhooksPage'

afterEach(() => window.history.replaceState(null, '', '/'))

const hook: Webhook = {
  id: 'w1', url: 'https://hooks.slack.com/services/T/B/x', format: 'slack', events: ['card.shipped', 'card.moved'], description: '#product',
  enabled: true, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z',
}
const failed: WebhookDelivery = {
  id: 'd1', event_type: 'card.shipped', status: 'failed', attempts: 8, last_status: null, last_error: 'no answer: timeout',
  next_attempt_at: null, created_at: '2025-01-02T00:00:00Z',
}
const succeeded: WebhookDelivery = { ...failed, id: 'd2', status: 'succeeded', attempts: 4, last_status: 200, last_error: '' }

describe('WebhooksPage', () => {
  it('adds a webhook with the chosen events and format, and shows the secret once with a copy button', async () => {
    let list: Webhook[] = []
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /webhooks': () => ({ items: list, next_cursor: null }),
      'POST /webhooks': () => {
        list = [{ ...hook, format: 'standard', url: 'https://example.com/hook', description: '' }]
        return [201, { ...list[0], secret: 'whsec_c2VjcmV0' }]
      },
      'GET /webhooks/w1/deliveries': () => ({ items: [], next_cursor: null }),
    })
    const user = userEvent.setup()
    renderApp(<WebhooksPage />)
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy()
    await user.type(screen.getByLabelText('URL'), 'https://example.com/hook')
    await user.click(screen.getByRole('checkbox', { name: /A card is added/ }))
    await user.click(screen.getByRole('button', { name: 'Add webhook' }))
    expect(await screen.findByText(/It is shown only once/)).toBeTruthy()
    expect(screen.getByText('whsec_c2VjcmV0')).toBeTruthy()
    expect(screen.getByRole('button', { name: /Copy\s*signing secret/ })).toBeTruthy()
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      url: 'https://example.com/hook', format: 'standard', events: ['card.shipped', 'card.created'],
    })
  })

  it('shows the field the server refused', async () => {
    mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /webhooks': () => ({ items: [], next_cursor: null }),
      'POST /webhooks': () => [422, { error: { code: 'validation_failed', message: 'validation failed', fields: { url: 'resolves to a loopback, private or link-local address, which webhooks may not call' } } }],
    })
    const user = userEvent.setup()
    renderApp(<WebhooksPage />)
    await user.type(await screen.findByLabelText('URL'), 'http://127.0.0.1/')
    await user.click(screen.getByRole('button', { name: 'Add webhook' }))
    expect(await screen.findByText(/loopback, private or link-local/)).toBeTruthy()
  })

  it('lists deliveries with their status; “Send test” and “Retry” call the API', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /webhooks': () => ({ items: [hook], next_cursor: null }),
      'GET /webhooks/w1/deliveries': () => ({ items: [failed, succeeded], next_cursor: null }),
      'POST /webhooks/w1/test': () => [202, { ...failed, id: 'd3', event_type: 'webhook.test', status: 'pending', attempts: 0 }],
      'POST /webhooks/w1/deliveries/d1/retry': () => [202, { ...failed, status: 'pending' }],
    })
    const user = userEvent.setup()
    renderApp(<WebhooksPage />)
    const log = await screen.findByTestId('delivery-log')
    expect(within(log).getByText('Failed')).toBeTruthy()
    expect(within(log).getByText('Delivered')).toBeTruthy()
    expect(within(log).getByText('no answer: timeout')).toBeTruthy()
    expect(within(log).getByText('HTTP 200')).toBeTruthy()
    const failedRow = within(log).getByText('Failed').closest('tr')
    if (!failedRow) throw new Error('no row for the failed delivery')
    await user.click(within(failedRow).getByRole('button', { name: /Retry/ }))
    await expect.poll(() => calls.some((c) => c.method === 'POST' && c.path === '/webhooks/w1/deliveries/d1/retry')).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Send test' }))
    await expect.poll(() => calls.some((c) => c.method === 'POST' && c.path === '/webhooks/w1/test')).toBe(true)
  })

  it('is for admins only', async () => {
    mockApi({ 'GET /session': () => sessionFor('editor') })
    renderApp(<WebhooksPage />)
    expect(await screen.findByText('Only admins manage webhooks.')).toBeTruthy()
  })
})
