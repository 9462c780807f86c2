import { describe, expect, it, vi } from 'vitest'
import userEvent from '@testing-library/user-event'
import { board, makeCard, makeColumn } from '../test/fixtures'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { MoveCardForm } from './MoveCardForm'

const planned = makeColumn('c-planned', 'Planned', 'planned', 2, true)
const declined = makeColumn('c-declined', "Won't do", 'declined', 3, false)

describe('MoveCardForm', () => {
  it("the drawer's Move form follows the chosen column's notify_default", async () => {
    const b = { ...board, columns: [...board.columns, planned, declined] }
    const calls = mockApi({
      'GET /session': () => sessionFor('editor'),
      'GET /boards': () => ({ items: [b], next_cursor: null }),
      'POST /cards/k1/move': () => makeCard({ column_id: 'c-planned', version: 4 }),
    })
    const user = userEvent.setup()
    renderApp(<MoveCardForm card={makeCard()} board={b} />)
    const column = await screen.findByLabelText('Column')
    await user.selectOptions(column, 'c-declined')
    expect(screen.getByLabelText<HTMLInputElement>('Email the 42 people who asked').checked).toBe(false)
    await user.selectOptions(column, 'c-planned')
    expect(screen.getByLabelText<HTMLInputElement>('Email the 42 people who asked').checked).toBe(true)
    await user.type(screen.getByLabelText(/Note/), 'Next month.')
    await user.click(screen.getByRole('button', { name: 'Move card' }))
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ column_id: 'c-planned', notify: true, note: 'Next month.' })
  })
})
