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
