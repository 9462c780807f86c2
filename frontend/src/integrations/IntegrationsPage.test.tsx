import { afterEach, describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { within } from '@testing-library/react'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { makeCard } from '../test/fixtures'
import { supportDraftKey } from '../cards/SupportForm'
import { takeHandoff } from '../ui/handoff'
import type { Integration, IntegrationEvent } from './api'
import { IntegrationsPage } from './IntegrationsPage'

afterEach(() => window.history.replaceState(null, '', '/'))

const intercom: Integration = { id: 'i1', kind: 'intercom', name: 'Intercom', url: 'http://cl.test/api/v1/hooks/in/i1', created_at: '2025-01-01T00:00:00Z' }
const unmatched: IntegrationEvent = {
  id: 'e1', received_at: '2025-01-02T00:00:00Z', external_id: 'notif_1', outcome: 'unmatched', card_id: 'k1', requester_email: '',
  detail: 'the conversation names no email', requester_name: '', quote: 'Please add webhooks', conversation_url: 'https://app.intercom.com/a/inbox/x/conversation/7',
}

describe('IntegrationsPage', () => {
  it('adds an Intercom integration with its own secret, shows the secret once and the Intercom steps', async () => {
    let list: Integration[] = []
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /integrations': () => ({ items: list, next_cursor: null }),
      'POST /integrations': () => {
        list = [intercom]
        return [201, { ...intercom, secret: 'app-client-secret' }]
      },
      'GET /integrations/i1/events': () => ({ items: [], next_cursor: null }),
    })
    const user = userEvent.setup()
    renderApp(<IntegrationsPage />)
    expect(await screen.findByText('No integrations yet.')).toBeTruthy()
    await user.type(screen.getByLabelText(/Intercom’s signing secret/), 'app-client-secret')
    await user.click(screen.getByRole('button', { name: 'Add integration' }))
    expect(await screen.findByText(/It is shown only once/)).toBeTruthy()
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ kind: 'intercom', name: 'Intercom', secret: 'app-client-secret' })
    expect(screen.getAllByText('http://cl.test/api/v1/hooks/in/i1').length).toBeGreaterThan(0)
    expect(screen.getByText('conversation_part.tag.created')).toBeTruthy()
    expect(screen.getByText('app-client-secret')).toBeTruthy()
  })

  it('gives Zendesk the trigger body to paste', async () => {
    mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /integrations': () => ({ items: [{ ...intercom, kind: 'zendesk', name: 'Zendesk' }], next_cursor: null }),
      'GET /integrations/i1/events': () => ({ items: [], next_cursor: null }),
    })
    renderApp(<IntegrationsPage />)
    const body = await screen.findByLabelText('Zendesk trigger body')
    expect(JSON.parse(body.textContent)).toMatchObject({ requester_email: '{{ticket.requester.email}}', tags: '{{ticket.tags}}' })
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toContain('Copy zendesk trigger body')
  })

  it('lists events with outcomes; “Link by hand” opens the card’s support form with what the event knew', async () => {
    mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /integrations': () => ({ items: [intercom], next_cursor: null }),
      'GET /integrations/i1/events': () => ({ items: [unmatched], next_cursor: null }),
      'GET /cards/k1': () => makeCard(),
    })
    const user = userEvent.setup()
    renderApp(<IntegrationsPage />)
    const log = await screen.findByTestId('event-log')
    expect(within(log).getByText('No email')).toBeTruthy()
    expect(await within(log).findByRole('link', { name: '#12 Dark mode' })).toBeTruthy()
    await user.click(within(log).getByRole('button', { name: 'Link by hand' }))
    await expect.poll(() => window.location.pathname + window.location.search).toBe('/boards/b1?card=k1')
    expect(takeHandoff(supportDraftKey('k1'))).toEqual({
      email: '', name: '', quote: 'Please add webhooks', conversation_url: 'https://app.intercom.com/a/inbox/x/conversation/7', source: 'intercom',
    })
  })

  it('deletes only after the confirmation', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /integrations': () => ({ items: [intercom], next_cursor: null }),
      'GET /integrations/i1/events': () => ({ items: [], next_cursor: null }),
      'DELETE /integrations/i1': () => [204, null],
    })
    const user = userEvent.setup()
    renderApp(<IntegrationsPage />)
    await user.click(await screen.findByRole('button', { name: 'Delete' }))
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0)
    await user.click(await screen.findByRole('button', { name: 'Delete integration' }))
    await expect.poll(() => calls.filter((c) => c.method === 'DELETE').length).toBe(1)
  })

  it('is for admins only', async () => {
    mockApi({ 'GET /session': () => sessionFor('editor') })
    renderApp(<IntegrationsPage />)
    expect(await screen.findByText('Only admins manage integrations.')).toBeTruthy()
  })
})
