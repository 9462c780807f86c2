// A viewer signs in and finds no way to change anything: no buttons that write, no drags.
import { viewer } from './flow-editor.mjs'
import { assert, boardSnapshot, cardIn, column, mouseDrag, signIn, step, visibleButtons } from './steps.mjs'

// What a viewer may press: reading, filtering and leaving.
const harmless = new Set(['Sign out', 'Close card', 'Close', 'Dismiss', 'Clear filters', 'Try again'])

export async function viewerFlow({ base, browser }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const writes = []
  page.on('request', (r) => r.method() !== 'GET' && !r.url().endsWith('/api/v1/session') && writes.push(`${r.method()} ${r.url()}`))

  await step('sign in as a viewer', async () => {
    await signIn(page, base, viewer.email, viewer.password)
    assert.equal(await page.getByTestId('role').textContent(), 'viewer')
    assert.equal(await page.getByRole('link', { name: 'Members' }).count(), 0)
    assert.equal(await page.getByRole('button', { name: 'Create board' }).count(), 0)
  })

  await step('viewer: the board offers no change', async () => {
    await page.getByRole('link', { name: /Product roadmap/ }).click()
    await cardIn(page, 'Dark mode').waitFor()
    const buttons = (await visibleButtons(page)).filter((b) => !harmless.has(b))
    assert.deepEqual(buttons, [], 'buttons a viewer could press')
    const roles = await page.locator('li[data-card-id] [role=button]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-roledescription')))
    assert.ok(roles.length > 0 && roles.every((r) => r === 'card'), `cards are not draggable: ${roles}`)
  })

  await step('viewer: dragging and keyboard moves do nothing', async () => {
    const before = await boardSnapshot(page)
    await mouseDrag(page, cardIn(page, 'Keyboard shortcuts'), column(page, 'Planned').locator('.card-list'))
    await cardIn(page, 'Faster search').locator('[role=button]').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await page.waitForTimeout(300)
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape')
    assert.deepEqual(await boardSnapshot(page), before)
  })

  await step('viewer: the card drawer is read-only', async () => {
    await cardIn(page, 'Dark mode').click()
    const drawer = page.getByRole('dialog', { name: /Card: Dark mode/ })
    await drawer.getByRole('link', { name: 'Jane Doe' }).waitFor()
    assert.equal(await drawer.locator('input, textarea, select').count(), 0)
    const buttons = (await visibleButtons(page)).filter((b) => !harmless.has(b))
    assert.deepEqual(buttons, [], 'buttons in the drawer')
    await drawer.getByRole('link', { name: 'Jane Doe' }).click()
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor()
    assert.deepEqual((await visibleButtons(page)).filter((b) => !harmless.has(b)), [], 'buttons on the requester page')
  })

  await step('viewer: nothing was written', async () => {
    assert.deepEqual(writes, [])
  })
  await context.close()
}
