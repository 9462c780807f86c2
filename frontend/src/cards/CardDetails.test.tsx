import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { waitFor } from '@testing-library/react'
import { board, drawerRoutes, makeCard } from '../test/fixtures'
import { CardDetails } from './CardDetails'
import { CardDrawer } from './CardDrawer'

describe('CardDetails', () => {
  it('saves with If-Match and the parsed labels', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('editor'),
      'PATCH /cards/k1': () => makeCard({ title: 'Dark theme', labels: ['ui', 'a11y'], version: 4 }),
    })
    const user = userEvent.setup()
    renderApp(<CardDetails card={makeCard()} />)
    const title = await screen.findByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Dark theme')
    const labels = screen.getByLabelText('Labels')
    await user.clear(labels)
    await user.type(labels, 'ui, a11y,, ui ')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    const patch = calls.find((c) => c.method === 'PATCH')!
    expect(patch.headers['If-Match']).toBe('3')
    expect(patch.body).toEqual({ title: 'Dark theme', description: 'Please', kind: 'idea', labels: ['ui', 'a11y'] })
  })

  it('on 412 keeps what was typed and applies it to the fresh version when asked', async () => {
    let saves = 0
    const card = makeCard()
    const theirs = makeCard({ version: 5, description: 'Rewritten by someone else' })
    const calls = mockApi({
      'GET /session': () => sessionFor('editor'),
      ...drawerRoutes(card),
      'GET /cards/k1': () => (saves > 0 ? theirs : card),
      'PATCH /cards/k1': () => {
        saves++
        if (saves === 1) return [412, { error: { code: 'precondition_failed', message: 'the card changed' } }]
        return makeCard({ version: 6, title: 'Dark mode!', description: 'Rewritten by someone else' })
      },
    })
    const user = userEvent.setup()
    renderApp(<CardDrawer cardId="k1" board={board} onClose={() => {}} />)
    await user.type(await screen.findByLabelText('Title'), '!')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText(/Someone else saved this card while you were editing/)).toBeTruthy()
    expect(screen.getByText(/they changed the description/)).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Dark mode!')
    await user.click(screen.getByRole('button', { name: 'Apply my changes to their version' }))
    await waitFor(() => expect(saves).toBe(2))
    const retry = calls.filter((c) => c.method === 'PATCH')[1]!
    expect(retry.headers['If-Match']).toBe('5')
    expect(retry.body).toEqual({ title: 'Dark mode!', description: 'Rewritten by someone else', kind: 'idea', labels: ['ui'] })
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Rewritten by someone else'))
    expect(screen.queryByText(/Someone else saved this card/)).toBeNull()
  })

  it('shows a viewer plain text, no inputs', async () => {
    mockApi({ 'GET /session': () => sessionFor('viewer') })
    renderApp(<CardDetails card={makeCard()} />)
    expect(await screen.findByRole('heading', { name: 'Dark mode' })).toBeTruthy()
    expect(screen.queryAllByRole('textbox')).toHaveLength(0)
  })
})
