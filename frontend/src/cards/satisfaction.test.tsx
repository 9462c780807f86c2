import { describe, expect, it } from 'vitest'
import { within } from '@testing-library/react'
import type { CardRequest, Reaction } from '../api/types'
import { CardDrawer } from './CardDrawer'
import { board, drawerRoutes, makeCard } from '../test/fixtures'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'

const shipped = makeCard({ column_id: 'c-done', shipped_at: '2026-11-30T10:00:00Z', reactions: { yes: 3, no: 1 } })
const answers: Reaction[] = [
  { delivery_id: 'd1', requester: { id: 'r1', email: 'jane@example.com', name: 'Jane' }, answer: 'no', comment: 'Still too bright at night', answered_at: '2026-12-01T09:00:00Z' },
  { delivery_id: 'd2', requester: { id: 'r2', email: 'omar@example.com', name: '' }, answer: 'yes', comment: '', answered_at: '2026-11-30T12:00:00Z' },
  { delivery_id: 'd3', requester: null, answer: 'yes', comment: '', answered_at: '2026-11-30T11:00:00Z' },
]

function open(card = shipped, extra: Record<string, () => unknown> = {}) {
  const calls = mockApi({
    'GET /session': () => sessionFor('viewer'),
    ...drawerRoutes(card),
    [`GET /cards/${card.id}/reactions`]: () => ({ items: answers, next_cursor: null }),
    ...extra,
  })
  renderApp(<CardDrawer cardId={card.id} board={board} onClose={() => {}} />)
  return calls
}

describe('the drawer’s “Did this solve it?”', () => {
  it('counts yes and not quite and lists each answer with who gave it and their words', async () => {
    open()
    const section = within(await screen.findByRole('region', { name: 'Did this solve it?' }))
    expect(section.getByText('Yes', { selector: '.answer-count' }).textContent).toBe('Yes 3')
    expect(section.getByText('Not quite', { selector: '.answer-count' }).textContent).toBe('Not quite 1')
    expect(section.getByText('75% said yes')).toBeTruthy()
    const list = within(await section.findByRole('list', { name: 'Answers, newest first' }))
    const items = list.getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Not quite Jane · .*“Still too bright at night”$/),
      expect.stringMatching(/^Yes omar@example\.com · /),
      expect.stringMatching(/^Yes someone since erased · /),
    ])
    expect(list.getByRole('link', { name: 'Jane' }).getAttribute('href')).toBe('/people/r1')
  })

  it('says nobody answered yet on a shipped card without answers, and asks nothing before it shipped', async () => {
    open(makeCard({ id: 'k2', column_id: 'c-done', shipped_at: '2026-11-30T10:00:00Z' }))
    const section = within(await screen.findByRole('region', { name: 'Did this solve it?' }))
    expect(section.getByText(/Nobody has answered yet/)).toBeTruthy()
  })

  it('is absent from a card that has not shipped', async () => {
    const calls = open(makeCard())
    await screen.findByText('“I work at night”')
    expect(screen.queryByRole('region', { name: 'Did this solve it?' })).toBeNull()
    expect(calls.some((c) => c.path.includes('/reactions'))).toBe(false)
  })

  it('shows a “not quite” comment on the request, marked as said after it shipped', async () => {
    const request: CardRequest = {
      card_id: shipped.id, requester: { id: 'r1', email: 'jane@example.com', name: 'Jane', company: '' }, quote: 'Still too bright at night',
      source: 'intercom', linked_by: 'Pat', created_at: '2025-01-02T00:00:00Z', updated_at: '2026-12-01T09:00:00Z', conversations: [],
      quotes: [
        { text: 'I work at night', source: 'intercom', linked_by: 'Pat', at: '2025-01-02T00:00:00Z' },
        { text: 'Still too bright at night', source: 'reaction', linked_by: 'requester', at: '2026-12-01T09:00:00Z' },
      ],
    }
    open(shipped, { [`GET /cards/${shipped.id}/requests`]: () => ({ items: [request], next_cursor: null }) })
    const requests = within((await screen.findByRole('heading', { name: /Requested by/ })).closest('section')!)
    await requests.findByText('“I work at night”')
    const after = requests.getByText('“Still too bright at night”').closest('.quote-after')!
    expect(after.textContent).toBe('Not quite after it shipped:“Still too bright at night”')
  })
})
