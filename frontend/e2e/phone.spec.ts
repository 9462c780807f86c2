// The app on a phone: Playwright's mobile emulation of an iPhone 13 (viewport, touch, device
// pixels) in Chromium. Runs after the editor project, on the board it built.
import { expect, test } from '@playwright/test'
import { cardIn } from './board'
import { admin } from './people'
import { signIn } from './session'
import { shoot } from './shots'

test('on a phone: the board, the card drawer and the requester page', async ({ page }) => {
  await signIn(page, admin)
  await page.getByRole('link', { name: /Product roadmap/ }).click()
  await cardIn(page, 'Dark mode').waitFor()

  await test.step('board: the columns scroll sideways', async () => {
    await shoot(page, 'board-390.png')
    const scrolls = await page.getByTestId('columns').evaluate((el) => el.scrollWidth > el.clientWidth)
    expect(scrolls, 'columns scroll horizontally on a phone').toBe(true)
  })

  await test.step('card drawer', async () => {
    await cardIn(page, 'Dark mode').click()
    const drawer = page.getByRole('dialog', { name: /Card: Dark mode/ })
    await drawer.getByRole('link', { name: 'Jane Doe' }).waitFor()
    await shoot(page, 'card-drawer-390.png')
  })

  await test.step('requester page', async () => {
    await page.getByRole('dialog').getByRole('link', { name: 'Jane Doe' }).click()
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor()
    expect(page.url()).toContain('/people/')
    await shoot(page, 'requester-390.png')
  })
})
