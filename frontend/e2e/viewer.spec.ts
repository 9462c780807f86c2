// A viewer signs in and finds no way to change anything: no buttons that write, no drags.
// Runs after the editor project, on the board and the viewer it created.
import { expect, test } from '@playwright/test'
import { boardSnapshot, cardIn, column, mouseDrag, visibleButtons } from './board'
import { viewer } from './people'
import { signIn } from './session'

// What a viewer may press: reading, filtering and leaving.
const harmless = new Set(['Sign out', 'Close card', 'Close', 'Dismiss', 'Clear filters', 'Try again', 'Mine', 'Copy reference', 'Archived', '? Shortcuts'])

test('a viewer reads everything and can change nothing', async ({ page }) => {
  const writes: string[] = []
  page.on('request', (r) => {
    if (r.method() !== 'GET' && !r.url().endsWith('/api/v1/session')) writes.push(`${r.method()} ${r.url()}`)
  })

  await test.step('sign in as a viewer', async () => {
    await signIn(page, viewer)
    await expect(page.getByTestId('role')).toHaveText('viewer')
    await expect(page.getByRole('link', { name: 'Members' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Create board' })).toHaveCount(0)
  })

  await test.step('the board offers no change', async () => {
    await page.getByRole('link', { name: /Product roadmap/ }).click()
    await cardIn(page, 'Dark mode').waitFor()
    expect((await visibleButtons(page)).filter((b) => !harmless.has(b)), 'buttons a viewer could press').toEqual([])
    const roles = await page.locator('li[data-card-id] [role=button]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-roledescription')))
    expect(roles.length).toBeGreaterThan(0)
    expect(roles.every((r) => r === 'card'), `cards are not draggable: ${roles.join(', ')}`).toBe(true)
  })

  await test.step('dragging and keyboard moves do nothing', async () => {
    const before = await boardSnapshot(page)
    await mouseDrag(page, cardIn(page, 'Keyboard shortcuts'), column(page, 'Planned').locator('.card-list'))
    await cardIn(page, 'Faster search').locator('[role=button]').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await page.waitForTimeout(300)
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape')
    expect(await boardSnapshot(page)).toEqual(before)
  })

  await test.step('the card drawer is read-only', async () => {
    await cardIn(page, 'Dark mode').click()
    const drawer = page.getByRole('dialog', { name: /Card: Dark mode/ })
    await drawer.getByRole('link', { name: 'Jane Doe' }).waitFor()
    await expect(drawer.locator('input, textarea, select')).toHaveCount(0)
    expect((await visibleButtons(page)).filter((b) => !harmless.has(b)), 'buttons in the drawer').toEqual([])
    await drawer.getByRole('link', { name: 'Jane Doe' }).click()
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor()
    expect((await visibleButtons(page)).filter((b) => !harmless.has(b)), 'buttons on the requester page').toEqual([])
  })

  await test.step('nothing was written', () => {
    expect(writes).toEqual([])
  })
})
