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

  it('a plain move offers Undo, which puts the card back between the neighbours it left', async () => {
    const later = makeColumn('c-later', 'Later', 'open', 2, false)
    const b = { ...board, columns: [...board.columns, later] }
    const calls = mockApi({
      'GET /session': () => sessionFor('editor'),
      'GET /boards': () => ({ items: [b], next_cursor: null }),
      'POST /cards/k1/move': (c) => makeCard({ column_id: (c.body as { column_id: string }).column_id, version: 9 }),
    })
    const user = userEvent.setup()
    const { qc } = renderApp(<MoveCardForm card={makeCard()} board={b} />)
    const shown = [makeCard({ id: 'k0' }), makeCard(), makeCard({ id: 'k2' })]
    qc.setQueryData(['cards', 'b1', 'column', 'c-open', {}], { pages: [{ items: shown, total: 3, next_cursor: null }], pageParams: [null] })
    await user.selectOptions(await screen.findByLabelText('Column'), 'c-later')
    await user.click(screen.getByRole('button', { name: 'Move card' }))
    await user.click(await screen.findByRole('button', { name: 'Undo' }))
    await screen.findByText('Moved “Dark mode” back to Ideas.')
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts.map((c) => c.body)).toEqual([{ column_id: 'c-later' }, { column_id: 'c-open', before_id: 'k2' }])
  })

  it('a move that ships offers no Undo', async () => {
    mockApi({
      'GET /session': () => sessionFor('editor'),
      'GET /boards': () => ({ items: [board], next_cursor: null }),
      'POST /cards/k1/move': () => makeCard({ column_id: 'c-done', shipped_at: '2026-12-01T10:00:00Z', version: 4 }),
    })
    const user = userEvent.setup()
    renderApp(<MoveCardForm card={makeCard()} board={board} />)
    await user.selectOptions(await screen.findByLabelText('Column'), 'c-done')
    await user.click(screen.getByRole('button', { name: 'Move, ship and email' }))
    await screen.findByText('Moved “Dark mode” to Done.')
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
  })
})
