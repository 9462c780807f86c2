import { describe, expect, it } from 'vitest'
import type { Role } from '../api/types'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { board, drawerRoutes, makeCard } from '../test/fixtures'
import { CardDrawer } from './CardDrawer'

async function openDrawer(role: Role) {
  const card = makeCard()
  mockApi({ 'GET /session': () => sessionFor(role), ...drawerRoutes(card) })
  renderApp(<CardDrawer cardId={card.id} board={board} onClose={() => {}} />)
  await screen.findByText('“I work at night”')
}

const controls = {
  edit: () => screen.queryByRole('button', { name: 'Save changes' }),
  move: () => screen.queryByRole('heading', { name: 'Move' }),
  del: () => screen.queryByRole('button', { name: 'Archive card' }),
  link: () => screen.queryByRole('heading', { name: 'Link a request' }),
  unlink: () => screen.queryByRole('button', { name: /Remove Jane/ }),
}

describe('the card drawer shows only what the role may do', () => {
  const table: [Role, Record<keyof typeof controls, boolean>][] = [
    ['viewer', { edit: false, move: false, del: false, link: false, unlink: false }],
    ['support', { edit: false, move: false, del: false, link: true, unlink: true }],
    ['editor', { edit: true, move: true, del: true, link: true, unlink: true }],
    ['admin', { edit: true, move: true, del: true, link: true, unlink: true }],
  ]
  for (const [role, want] of table) {
    it(role, async () => {
      await openDrawer(role)
      const got = Object.fromEntries(Object.entries(controls).map(([k, f]) => [k, f() !== null]))
      expect(got).toEqual(want)
    })
  }

  it('shows requesters with quote, company and the conversation link to everyone', async () => {
    await openDrawer('viewer')
    expect(screen.getByRole('link', { name: 'Jane' }).getAttribute('href')).toBe('/people/r1')
    expect(screen.getByText('Acme')).toBeTruthy()
    const conv = screen.getByRole('link', { name: /Intercom #123/ })
    expect(conv.getAttribute('href')).toBe('https://app.intercom.com/a/inbox/x/conversation/123')
    expect(screen.getByRole('heading', { name: 'Dark mode' })).toBeTruthy()
    expect(screen.queryByRole('textbox')).toBeNull()
  })

  it('names the unlink button in words, distinct from the drawer’s Close', async () => {
    await openDrawer('support')
    const unlink = screen.getByRole('button', { name: 'Remove Jane from this card' })
    expect(unlink.textContent).toBe('Remove')
    expect(screen.getByRole('button', { name: 'Close card' }).textContent).toBe('×')
  })
})
