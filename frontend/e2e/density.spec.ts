// Issue 13, item 9: tiles are dense enough that about eight cards of a column fit at 1280×800.
// The figures (tile height, cards fully in view) are printed; the count is what is checked.
import { expect, test } from '@playwright/test'
import { column } from './board'
import { admin } from './people'
import { apiAs } from './session'
import { shoot } from './shots'

test('at 1280×800 a column shows at least 8 whole cards', async ({ page }) => {
  const api = await apiAs(page, admin)
  const titles = Array.from({ length: 14 }, (_, i) => `Dense card ${i + 1}`)
  const { board, cards } = await api.board('Density', titles)
  // A typical tile: a label or two, someone asked.
  for (const [i, c] of cards.entries()) if (i % 2 === 0) await api.patch(`/cards/${c.id}`, { labels: i % 4 === 0 ? ['billing', 'mobile'] : ['api'] })
  await api.link(cards[0]!.id, 'kim@example.com', 'Kim')
  await page.goto(`/boards/${board.id}`)
  const ideas = column(page, 'Ideas')
  await ideas.locator('li[data-card-id]').nth(8).waitFor()

  const m = await ideas.evaluate((col) => {
    const scroller = col.querySelector<HTMLElement>('.card-scroll')!
    const view = scroller.getBoundingClientRect()
    const tiles = [...col.querySelectorAll<HTMLElement>('li[data-card-id] .card-tile')].map((t) => t.getBoundingClientRect())
    const whole = tiles.filter((r) => r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5).length
    const heights = tiles.map((r) => r.height)
    return { whole, scroller: Math.round(view.height), tile: Math.round(heights.reduce((a, b) => a + b, 0) / heights.length), min: Math.min(...heights), max: Math.max(...heights) }
  })
  console.log(`density at 1280×800: tile ${m.tile} px on average (${m.min}–${m.max}), column viewport ${m.scroller} px, ${m.whole} whole cards in view`)
  test.info().annotations.push({ type: 'density', description: JSON.stringify(m) })
  await shoot(page, 'board-dense-1280.png')
  expect(m.whole, 'cards fully in view in one column').toBeGreaterThanOrEqual(8)
})
