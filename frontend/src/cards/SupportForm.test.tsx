import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { makeCard } from '../test/fixtures'
import { putHandoff } from '../ui/handoff'
import { SupportForm, supportDraftKey } from './SupportForm'

const url = 'https://app.intercom.com/a/inbox/x/conversation/123'

async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await user.type(screen.getByLabelText(label, { exact: false }), value)
}

describe('SupportForm', () => {
  it('links conversation and requester in one POST with the CSRF header', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('support'),
      'POST /cards/k1/requests': () => [201, { requester: { id: 'r1', email: 'jane@example.com', name: 'Jane' }, quote: 'yes', source: '', created_at: '', card_shipped: false }],
    })
    const user = userEvent.setup()
    renderApp(<SupportForm card={makeCard()} />)
    await screen.findByRole('heading', { name: 'Link a request' })
    await fill(user, { 'Conversation link': url, 'Their email': 'jane@example.com', 'Their name': 'Jane', 'What they said': 'yes' })
    await user.click(screen.getByRole('button', { name: 'Link to this card' }))
    expect(await screen.findByText(/Linked Jane to this card\. Jane will be emailed when it ships\./)).toBeTruthy()
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.path).toBe('/cards/k1/requests')
    expect(post.body).toEqual({ email: 'jane@example.com', name: 'Jane', quote: 'yes', conversation_url: url })
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123')
    expect(screen.getByLabelText<HTMLInputElement>('Conversation link').value).toBe('')
  })

  it('asks for the link and the email before sending anything', async () => {
    const calls = mockApi({ 'GET /session': () => sessionFor('support') })
    const user = userEvent.setup()
    renderApp(<SupportForm card={makeCard()} />)
    await user.click(await screen.findByRole('button', { name: 'Link to this card' }))
    expect(screen.getByText(/Paste the link to the conversation, or pick where they asked/)).toBeTruthy()
    expect(screen.getByText('Enter the email of the person who asked.')).toBeTruthy()
    expect(screen.getByLabelText('Their email').getAttribute('aria-invalid')).toBe('true')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('shows the API field errors next to their inputs', async () => {
    mockApi({
      'GET /session': () => sessionFor('support'),
      'POST /cards/k1/requests': () => [422, { error: { code: 'validation_failed', message: 'invalid', fields: { email: 'is not a valid address', conversation_url: 'is not a link we can open' } } }],
    })
    const user = userEvent.setup()
    renderApp(<SupportForm card={makeCard()} />)
    await screen.findByRole('heading', { name: 'Link a request' })
    await fill(user, { 'Conversation link': url, 'Their email': 'jane@example' })
    await user.click(screen.getByRole('button', { name: 'Link to this card' }))
    const email = screen.getByLabelText('Their email')
    const errId = email.getAttribute('aria-describedby')!
    expect(document.getElementById(errId)!.textContent).toBe('is not a valid address')
    const link = screen.getByLabelText('Conversation link')
    expect(document.getElementById(link.getAttribute('aria-describedby')!)!.textContent).toBe('is not a link we can open')
  })

  it('says clearly when the card already shipped, before and after linking', async () => {
    mockApi({
      'GET /session': () => sessionFor('support'),
      'POST /cards/k1/requests': () => [201, { requester: { id: 'r1', email: 'jane@example.com', name: '' }, quote: '', source: '', created_at: '', card_shipped: true }],
    })
    const user = userEvent.setup()
    renderApp(<SupportForm card={makeCard({ shipped_at: '2025-03-01T10:00:00Z' })} />)
    expect((await screen.findByTestId('already-shipped')).textContent).toMatch(/already shipped/)
    await fill(user, { 'Conversation link': url, 'Their email': 'jane@example.com' })
    await user.click(screen.getByRole('button', { name: 'Link to this card' }))
    expect(await screen.findByText(/It already shipped, so jane@example.com gets the shipped email now\./)).toBeTruthy()
  })

  it('links a phone call without a link, with the company, on Ctrl+Enter', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('support'),
      'POST /cards/k1/requests': () => [201, { requester: { id: 'r1', email: 'sam@acme.test', name: '' }, quote: '', source: 'phone', created_at: '', card_shipped: false }],
    })
    const user = userEvent.setup()
    renderApp(<SupportForm card={makeCard()} />)
    await screen.findByRole('heading', { name: 'Link a request' })
    await user.selectOptions(screen.getByLabelText('Where they asked'), 'Phone call')
    expect(screen.getByLabelText('Conversation link (optional)')).toBeTruthy()
    await fill(user, { 'Their email': 'sam@acme.test', Company: 'Acme' })
    await user.type(screen.getByLabelText('What they said', { exact: false }), 'Needs CSV export{Control>}{Enter}{/Control}')
    expect(await screen.findByText(/Linked sam@acme.test to this card/)).toBeTruthy()
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.body).toEqual({ email: 'sam@acme.test', company: 'Acme', quote: 'Needs CSV export', source: 'phone' })
  })

  it('starts from what another screen handed over (link by hand), once', async () => {
    mockApi({ 'GET /session': () => sessionFor('support') })
    putHandoff(supportDraftKey('k1'), { email: 'ann@example.com', quote: 'Please add webhooks', conversation_url: url, source: 'intercom' })
    const first = renderApp(<SupportForm card={makeCard()} />)
    await screen.findByRole('heading', { name: 'Link a request' })
    expect(screen.getByLabelText<HTMLInputElement>('Their email').value).toBe('ann@example.com')
    expect(screen.getByLabelText<HTMLTextAreaElement>('What they said', { exact: false }).value).toBe('Please add webhooks')
    expect(screen.getByLabelText<HTMLInputElement>('Conversation link', { exact: false }).value).toBe(url)
    expect(screen.getByLabelText<HTMLSelectElement>('Where they asked').value).toBe('intercom')
    first.unmount()
    renderApp(<SupportForm card={makeCard()} />)
    await screen.findByRole('heading', { name: 'Link a request' })
    expect(screen.getByLabelText<HTMLInputElement>('Their email').value).toBe('')
  })
})
