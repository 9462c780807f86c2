import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { waitFor } from '@testing-library/react'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { MembersPanel } from './MembersPanel'

const grace = { id: 'm2', email: 'grace@example.com', name: 'Grace', role: 'support', created_at: '2025-01-01T00:00:00Z', disabled_at: null }

describe('MembersPanel: changing a role', () => {
  it('asks first, saves only when confirmed, and says what changed', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /members': () => ({ items: [grace], next_cursor: null }),
      'PATCH /members/m2': () => ({ ...grace, role: 'editor' }),
    })
    const user = userEvent.setup()
    renderApp(<MembersPanel />)
    const select = await screen.findByRole('combobox', { name: 'Role of Grace' })

    await user.selectOptions(select, 'editor')
    const dialog = await screen.findByRole('dialog', { name: 'Make Grace editor?' })
    expect(dialog.textContent).toContain('manages boards, columns and cards')
    await user.click(screen.getByRole('button', { name: 'Keep support' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0)
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role of Grace' }).value).toBe('support')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of Grace' }), 'editor')
    await user.click(await screen.findByRole('button', { name: 'Make editor' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ role: 'editor' }]))
    expect(await screen.findByText('Grace is now editor and manages boards, columns and cards.')).toBeTruthy()
  })

  it('offers the role names in full, with what each may do beside the select', async () => {
    mockApi({ 'GET /session': () => sessionFor('admin'), 'GET /members': () => ({ items: [grace], next_cursor: null }) })
    renderApp(<MembersPanel />)
    const select = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Role of Grace' })
    expect([...select.options].map((o) => o.text)).toEqual(['viewer', 'support', 'editor', 'admin'])
    expect(screen.getByText('The support role links requests and conversations.')).toBeTruthy()
  })
})

describe('MembersPanel: inviting', () => {
  const nia = { ...grace, id: 'm3', email: 'nia@example.com', name: 'Nia', invited_at: '2025-02-01T00:00:00Z', invite_expires_at: '2999-02-08T00:00:00Z' }

  it('emails an invitation without a password, and offers to resend a pending one', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('admin'),
      'GET /members': () => ({ items: [{ ...grace, invited_at: null, invite_expires_at: null }, nia], next_cursor: null }),
      'POST /members': () => ({ ...nia, id: 'm4', name: 'Omar', email: 'omar@example.com' }),
      'POST /members/m3/invite': () => nia,
    })
    const user = userEvent.setup()
    renderApp(<MembersPanel />)
    expect((await screen.findByTestId('invite-status')).textContent).toContain('Invited')
    expect(screen.queryByLabelText('Password')).toBeNull()
    await user.type(screen.getByLabelText('Name'), 'Omar')
    await user.type(screen.getByLabelText('Email'), 'omar@example.com')
    await user.click(screen.getByRole('button', { name: 'Send invitation' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.path === '/members').map((c) => c.body)).toEqual([
      { email: 'omar@example.com', name: 'Omar', role: 'support' },
    ]))
    expect(await screen.findByText(/We emailed omar@example.com a link/)).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Resend invite to Nia' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/members/m3/invite')).toBe(true))
    expect(screen.getAllByRole('button', { name: /Resend invite/ })).toHaveLength(1) // Grace has a password
  })
})
