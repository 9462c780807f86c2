import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { makeCard, board } from '../test/fixtures'
import { shipConsequence } from './consequence'
import { ShipDialog } from './ShipDialog'

describe('ShipDialog', () => {
  it('says how many people get the email', () => {
    expect(shipConsequence(42)).toBe("42 people asked for this — they'll get a shipped email.")
    expect(shipConsequence(1)).toBe("1 person asked for this — they'll get a shipped email.")
    expect(shipConsequence(0)).toMatch(/^Nobody is linked/)
  })

  it('ships with the release note, or cancels with Escape', async () => {
    const onShip = vi.fn()
    const onCancel = vi.fn()
    const user = userEvent.setup()
    render(<ShipDialog card={makeCard()} column={board.columns[1]!} onShip={onShip} onCancel={onCancel} />)
    expect(screen.getByTestId('ship-consequence').textContent).toContain("42 people asked for this — they'll get a shipped email.")
    await user.type(screen.getByLabelText(/Release note/), 'Settings › Appearance')
    await user.click(screen.getByRole('button', { name: 'Ship and email' }))
    expect(onShip).toHaveBeenCalledWith('Settings › Appearance')
    await user.keyboard('{Escape}')
    expect(onCancel).toHaveBeenCalled()
  })
})
