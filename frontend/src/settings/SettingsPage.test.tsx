import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { waitFor } from '@testing-library/react'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { FirstRunPrompt } from './FirstRunPrompt'
import { SettingsPage } from './SettingsPage'

const blank = {
  product_name: '',
  sender_name: '',
  reply_to: '',
  signature: '',
  accent_color: '',
  coalesce_seconds: 0,
  updated_at: '2026-01-01T00:00:00Z',
}

describe('SettingsPage', () => {
  it('saves the fields and shows a refused one under its input', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /settings': () => blank,
      'PATCH /settings': (c) =>
        (c.body as { reply_to: string }).reply_to === 'nope'
          ? [422, { error: { code: 'validation_failed', message: 'bad', fields: { reply_to: 'must be an email address' } } }]
          : { ...blank, ...(c.body as object), updated_at: '2026-01-02T00:00:00Z' },
    })
    const user = userEvent.setup()
    renderApp(<SettingsPage />)
    await user.type(await screen.findByLabelText('Product name'), 'Acme')
    await user.type(screen.getByLabelText(/Reply-to address/), 'nope')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('must be an email address')).toBeTruthy()
    await user.clear(screen.getByLabelText(/Reply-to address/))
    await user.type(screen.getByLabelText(/Reply-to address/), 'help@acme.test')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2))
    expect(calls.filter((c) => c.method === 'PATCH')[1]!.body).toMatchObject({ product_name: 'Acme', reply_to: 'help@acme.test', coalesce_seconds: 0 })
  })
})

describe('FirstRunPrompt', () => {
  it('asks an admin for the product name until it is set', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /settings': () => blank,
      'PATCH /settings': () => ({ ...blank, product_name: 'Acme' }),
    })
    const user = userEvent.setup()
    renderApp(<FirstRunPrompt />)
    await user.type(await screen.findByLabelText('Product name'), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByText('What is your product called?')).toBeNull())
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ product_name: 'Acme' })
  })

  it('asks nobody else', async () => {
    const calls = mockApi({ 'GET /session': () => sessionFor('editor'), 'GET /settings': () => blank })
    renderApp(<FirstRunPrompt />)
    await waitFor(() => expect(calls.some((c) => c.path === '/session')).toBe(true))
    expect(screen.queryByText('What is your product called?')).toBeNull()
  })
})
