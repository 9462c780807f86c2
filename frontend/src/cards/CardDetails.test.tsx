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

  it('on 412 tells the person and reloads the card', async () => {
    let saved = false
    const card = makeCard()
    mockApi({
      'GET /session': () => sessionFor('editor'),
      ...drawerRoutes(card),
      'GET /cards/k1': () => (saved ? makeCard({ version: 5, title: 'Renamed by someone' }) : card),
      'PATCH /cards/k1': () => {
        saved = true
        return [412, { error: { code: 'precondition_failed', message: 'the card changed' } }]
      },
    })
    const user = userEvent.setup()
    renderApp(<CardDrawer cardId="k1" board={board} onClose={() => {}} />)
    await user.type(await screen.findByLabelText('Title'), '!')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText(/Someone else changed this card meanwhile/)).toBeTruthy()
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Renamed by someone'))
  })

  it('shows a viewer plain text, no inputs', async () => {
    mockApi({ 'GET /session': () => sessionFor('viewer') })
    renderApp(<CardDetails card={makeCard()} />)
    expect(await screen.findByRole('heading', { name: 'Dark mode' })).toBeTruthy()
    expect(screen.queryAllByRole('textbox')).toHaveLength(0)
  })
})
