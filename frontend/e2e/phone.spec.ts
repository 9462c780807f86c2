// The app on a phone: Playwright's mobile emulation of an iPhone 13 (viewport, touch, device
// pixels) in Chromium. Runs after the editor project, on the board it built. Issue 9, item 17:
// the card drawer opens fully on screen and role selects show their whole text; item 20: axe
// finds nothing on the board and the drawer.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { cardIn } from './board'
import { admin } from './people'
import { apiAs, signIn } from './session'
import { shoot } from './shots'

/** The element's box lies within the visual viewport (nothing of it off-screen sideways). */
async function expectOnScreen(page: Page, el: Locator, what: string) {
  const box = (await el.boundingBox())!
  const width = await page.evaluate(() => window.visualViewport?.width ?? window.innerWidth)
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width + 0.5)
}

/** Whether the select's chosen option fits in its box (the text is not cut off). */
function selectFits(select: Locator) {
  return select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el)
    const ctx = document.createElement('canvas').getContext('2d')!
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const text = ctx.measureText(el.selectedOptions[0]?.text ?? '').width
    const arrow = 20 // the drop-down arrow Chromium draws inside the box
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow
    return { fits: text <= room, text: el.selectedOptions[0]?.text, needs: Math.ceil(text), room: Math.floor(room) }
  })
}

test('on a phone: the board, the card drawer, the requester page and the members', async ({ page }) => {
  await signIn(page, admin)
  await page.getByRole('link', { name: /Product roadmap/ }).click()
  await cardIn(page, 'Dark mode').waitFor()

  await test.step('board: the page is the screen, the columns scroll sideways', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, 'page width').toBeLessThanOrEqual(390)
    const scrolls = await page.getByTestId('columns').evaluate((el) => el.scrollWidth > el.clientWidth)
    expect(scrolls, 'columns scroll horizontally on a phone').toBe(true)
    await expectNoAxeViolations(page, 'the board on a phone')
    await shoot(page, 'board-390.png')
  })

  await test.step('card drawer: opened with a tap, fully on screen', async () => {
    await cardIn(page, 'Dark mode').locator('[role=button]').tap()
    const drawer = page.getByRole('dialog', { name: /Card: Dark mode/ })
    await drawer.getByRole('link', { name: 'Jane Doe' }).waitFor()
    await expectOnScreen(page, drawer, 'the drawer')
    await expectOnScreen(page, drawer.getByRole('button', { name: 'Close card' }), 'its close button')
    await expectNoAxeViolations(page, 'the card drawer on a phone')
    await shoot(page, 'card-drawer-390.png')
  })

  await test.step('requester page', async () => {
    await page.getByRole('dialog').getByRole('link', { name: 'Jane Doe' }).tap()
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor()
    expect(page.url()).toContain('/people/')
    await shoot(page, 'requester-390.png')
  })

  await test.step('members and tokens: nothing sticks out, every role select shows its whole text', async () => {
    await (await apiAs(page, admin)).token('Phone test token', 'support')
    await page.getByRole('link', { name: 'Members' }).tap()
    await page.getByRole('cell', { name: /vic@example.com/ }).waitFor()
    await page.getByRole('cell', { name: 'Phone test token' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page width').toBeLessThanOrEqual(390)
    for (const table of await page.locator('main table').all()) await expectOnScreen(page, table, 'a table')
    const selects = await page.locator('main select').all()
    expect(selects.length).toBeGreaterThan(1)
    for (const s of selects) {
      await expectOnScreen(page, s, 'a role select')
      const fit = await selectFits(s)
      expect(fit.fits, `“${fit.text}” needs ${fit.needs}px, has ${fit.room}px`).toBe(true)
    }
    await shoot(page, 'members-390.png', { fullPage: true })
  })
})
