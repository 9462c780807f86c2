import { describe, expect, it } from 'vitest'
import { within } from '@testing-library/react'
import type { Satisfaction } from '../api/types'
import { board } from '../test/fixtures'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { SatisfactionPage } from './SatisfactionPage'

const today = new Date().toISOString().slice(0, 10)
const sat: Satisfaction = {
  items: [
    { card_id: 'k1', title: 'Dark mode', shipped_at: '2026-11-30T10:00:00Z', yes: 3, no: 1 },
    { card_id: 'k2', title: 'Audit log', shipped_at: '2026-11-20T10:00:00Z', yes: 0, no: 0 },
  ],
  next_cursor: 'next',
  totals: { yes: 3, no: 1 },
  days: [{ day: today, yes: 3, no: 1 }],
}

describe('the board’s satisfaction view', () => {
  it('shows the share of yes, a chart named and described in words, the figures and each card', async () => {
    const calls = mockApi({
      'GET /session': () => sessionFor('viewer'),
      'GET /boards/b1': () => board,
      'GET /boards/b1/satisfaction': (c) =>
        c.path.includes('cursor=next')
          ? { ...sat, items: [{ card_id: 'k3', title: 'CSV export', shipped_at: '2026-10-01T10:00:00Z', yes: 1, no: 0 }], next_cursor: null }
          : sat,
    })
    renderApp(<SatisfactionPage boardId="b1" />)
    const chart = await screen.findByRole('img', { name: 'Answers over the last 14 days' })
    expect(chart.getAttribute('aria-describedby')).toBeTruthy()
    const description = document.getElementById(chart.getAttribute('aria-describedby')!)!.textContent
    expect(description).toMatch(/: 4 answers, 3 yes and 1 not quite \(75% yes\)\. The most answers came on .*: 4\.$/)
    expect(screen.getByText('Share of yes', { selector: 'dt' }).nextElementSibling!.textContent).toBe('75%')
    expect(screen.getByRole('link', { name: 'Satisfaction' }).getAttribute('aria-current')).toBe('page')

    const table = within(within(screen.getByRole('region', { name: 'Shipped cards' })).getByRole('table'))
    const rows = table.getAllByRole('row').slice(1).map((r) => r.textContent)
    expect(rows[0]).toMatch(/^Dark mode.*3175%$/)
    expect(rows[1]).toMatch(/^Audit log.*00no answers$/)
    expect(table.getByRole('link', { name: 'Dark mode' }).getAttribute('href')).toBe('/boards/b1?card=k1')

    screen.getByRole('button', { name: 'Show more cards' }).click()
    await screen.findByRole('link', { name: 'CSV export' })
    expect(calls.filter((c) => c.path.startsWith('/boards/b1/satisfaction')).map((c) => c.path)).toEqual([
      '/boards/b1/satisfaction?limit=100',
      '/boards/b1/satisfaction?limit=100&cursor=next',
    ])
  })

  it('says so when nothing has shipped', async () => {
    mockApi({
      'GET /session': () => sessionFor('viewer'),
      'GET /boards/b1': () => board,
      'GET /boards/b1/satisfaction': () => ({ items: [], next_cursor: null, totals: { yes: 0, no: 0 }, days: [] }),
    })
    renderApp(<SatisfactionPage boardId="b1" />)
    await screen.findByText('Nothing on this board has shipped yet.')
    expect(screen.queryByRole('img')).toBeNull()
  })
})
