// Issue 13, items 7 and 9 on a real phone viewport: the dense tiles, and the shortcut sheet
// (reached by its button; a phone has no keyboard to press `?` on) fits the screen.
import { expect, test } from '@playwright/test'
import { cardIn } from './board'
import { admin } from './people'
import { apiAs } from './session'
import { shoot } from './shots'

test('phone: dense tiles, and the shortcut sheet fits the screen', async ({ page }) => {
  const api = await apiAs(page, admin)
  const titles = ['Export to CSV', 'Dark mode for the inbox', 'Slack alerts when a card ships', 'SSO with Okta', 'Faster search', 'Bulk archive', 'Mobile push', 'Webhooks retry']
  const { board, cards } = await api.board('Phone density', titles)
  for (const [i, c] of cards.entries()) if (i % 2 === 0) await api.patch(`/cards/${c.id}`, { labels: i % 4 === 0 ? ['billing', 'mobile'] : ['api'] })
  await api.link(cards[0]!.id, 'kim@example.com', 'Kim')
  await page.goto(`/boards/${board.id}`)
  // The column shows what fits (and a few more, virtualized): the first card, and the true count.
  await cardIn(page, 'Export to CSV').waitFor()
  await expect(page.locator('section[data-column="Ideas"] [data-testid=column-count]')).toHaveText('8')
  await shoot(page, 'board-dense-390.png')

  await page.getByRole('button', { name: 'Shortcuts' }).tap()
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  const box = await sheet.boundingBox()
  const width = page.viewportSize()!.width
  expect(box && box.x >= 0 && box.x + box.width <= width, 'the sheet is within the screen').toBeTruthy()
  await shoot(page, 'shortcuts-390.png')
  await sheet.getByRole('button', { name: 'Close' }).tap()
  await expect(sheet).toBeHidden()
})
