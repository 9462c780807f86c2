import { describe, expect, it, vi } from 'vitest'
import userEvent from '@testing-library/user-event'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { board, drawerRoutes, makeCard } from '../test/fixtures'
import { CardDrawer } from './CardDrawer'

describe('card numbers', () => {
  it('shows #12 in the drawer and copies closeloop-12', async () => {
    const card = makeCard({ number: 12 })
    mockApi({ 'GET /session': () => sessionFor('viewer'), ...drawerRoutes(card) })
    const user = userEvent.setup()
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderApp(<CardDrawer cardId="k1" board={board} onClose={() => {}} />)
    expect(await screen.findByText('#12')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Copy reference' }))
    expect(writeText).toHaveBeenCalledWith('closeloop-12')
    expect(await screen.findByText('Copied closeloop-12')).toBeTruthy()
  })
})
