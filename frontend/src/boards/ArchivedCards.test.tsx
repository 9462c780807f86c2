import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { board, makeCard } from '../test/fixtures'
import { ArchivedCards } from './ArchivedCards'

describe('ArchivedCards', () => {
  it('restores, and deletes for good only once the title is typed', async () => {
    const archived = makeCard({ archived_at: '2025-03-01T10:00:00Z' })
    const calls = mockApi({
      'GET /session': () => sessionFor('editor'),
      [`GET /boards/${board.id}/cards`]: () => ({ items: [archived], next_cursor: null }),
      'POST /cards/k1/restore': () => ({ ...archived, archived_at: null }),
      'DELETE /cards/k1': () => [204, null],
    })
    const user = userEvent.setup()
    renderApp(<ArchivedCards board={board} onClose={() => {}} />)
    await user.click(await screen.findByRole('button', { name: 'Restore' }))
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/restore'))).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Delete for good…' }))
    const forever = screen.getByRole('button', { name: 'Delete forever' })
    expect((forever as HTMLButtonElement).disabled).toBe(true)
    await user.type(screen.getByLabelText(/Type the title/), 'Dark mode')
    await user.click(forever)
    const del = calls.find((c) => c.method === 'DELETE')
    expect(del?.path).toContain('permanent=true')
  })
})
