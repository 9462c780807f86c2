import { describe, expect, it, vi } from 'vitest'
import userEvent from '@testing-library/user-event'
import { board, makeColumn } from '../test/fixtures'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { ColumnSettings } from './ColumnSettings'

describe('ColumnSettings', () => {
  it('sets notify_default on a planned column, and offers it only where a move can email', async () => {
    const planned = makeColumn('c-planned', 'Planned', 'planned', 2)
    const b = { ...board, columns: [...board.columns, planned] }
    const calls = mockApi({
      'GET /session': () => sessionFor('editor'),
      'PATCH /columns/c-planned': () => ({ ...planned, notify_default: true }),
    })
    const user = userEvent.setup()
    renderApp(<ColumnSettings board={b} column={planned} onClose={() => {}} />)
    await screen.findByLabelText(/Email the requesters when a card moves here/)
    await user.selectOptions(screen.getByLabelText('Stage'), 'done')
    expect(screen.queryByLabelText(/Email the requesters when a card moves here/)).toBeNull()
    await user.selectOptions(screen.getByLabelText('Stage'), 'planned')
    await user.click(await screen.findByLabelText(/Email the requesters when a card moves here/))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true))
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ notify_default: true })
  })
})
