import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { makeCard, makeColumn } from '../test/fixtures'
import { StatusMoveDialog } from './StatusMoveDialog'

const planned = makeColumn('c-planned', 'Planned', 'planned', 2, true)
const declined = makeColumn('c-declined', "Won't do", 'declined', 3, false)

describe('status-change emails in the move dialogs', () => {
  it('pre-selects the email from the column and sends the note', async () => {
    const onMove = vi.fn()
    const user = userEvent.setup()
    render(<StatusMoveDialog card={makeCard()} column={planned} onMove={onMove} onCancel={() => {}} />)
    expect(screen.getByLabelText<HTMLInputElement>('Email the 42 people who asked').checked).toBe(true)
    await user.type(screen.getByLabelText(/Note/), 'In the spring release.')
    await user.click(screen.getByRole('button', { name: 'Move and email' }))
    expect(onMove).toHaveBeenCalledWith(true, 'In the spring release.')
  })

  it('leaves it off where the column says so, and asks a declined card why', async () => {
    const onMove = vi.fn()
    const user = userEvent.setup()
    render(<StatusMoveDialog card={makeCard()} column={declined} onMove={onMove} onCancel={() => {}} />)
    const box = screen.getByLabelText<HTMLInputElement>('Email the 42 people who asked')
    expect(box.checked).toBe(false)
    expect(screen.queryByLabelText(/Tell them why/)).toBeNull()
    await user.click(box)
    await user.type(screen.getByLabelText(/Tell them why/), 'It would slow every page down.')
    await user.click(screen.getByRole('button', { name: 'Move and email' }))
    expect(onMove).toHaveBeenCalledWith(true, 'It would slow every page down.')
  })
})
