// Issue 13, item 9: columns are reordered by dragging their header (mouse) or from its grip
// with the keyboard (Space, arrows, Space); the order is the server's (PATCH /columns/{id}).
import { expect, test, type Page } from '@playwright/test'
import { column } from './board'
import { admin } from './people'
import { apiAs } from './session'

const order = (page: Page) => page.locator('section[data-column]').evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.column))
const isColumnPatch = (r: { url(): string; request(): { method(): string } }) => r.url().includes('/api/v1/columns/') && r.request().method() === 'PATCH'

test('columns reorder by dragging the header, and by keyboard from the grip', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board } = await api.board('Column order', ['One card'])
  await page.goto(`/boards/${board.id}`)
  await column(page, 'Ideas').locator('li[data-card-id]').first().waitFor()
  expect(await order(page)).toEqual(['Ideas', 'Planned', 'In progress', 'Done'])

  await test.step('a mouse drag of Done’s header onto Ideas puts Done first', async () => {
    const from = await column(page, 'Done').locator('.column-head').boundingBox()
    const to = await column(page, 'Ideas').locator('.column-head').boundingBox()
    expect(from && to).toBeTruthy()
    const patched = page.waitForResponse(isColumnPatch)
    await page.mouse.move(from!.x + 60, from!.y + from!.height / 2)
    await page.mouse.down()
    await page.mouse.move(from!.x + 50, from!.y + from!.height / 2, { steps: 4 })
    await page.mouse.move(to!.x + 20, to!.y + to!.height / 2, { steps: 20 })
    await page.waitForTimeout(150)
    await page.mouse.move(to!.x + 18, to!.y + to!.height / 2, { steps: 2 })
    await page.mouse.up()
    const res = await patched
    expect(res.ok()).toBeTruthy()
    expect(JSON.parse(res.request().postData() ?? '{}')).toEqual({ position: 0 })
    await expect.poll(() => order(page)).toEqual(['Done', 'Ideas', 'Planned', 'In progress'])
  })

  await test.step('Space on Planned’s grip, ArrowRight, Space: Planned goes after In progress', async () => {
    await column(page, 'Planned').getByRole('button', { name: 'Move column Planned' }).focus()
    const patched = page.waitForResponse(isColumnPatch)
    await page.keyboard.press('Space')
    await page.waitForTimeout(250)
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(250)
    await page.keyboard.press('Space')
    expect((await patched).ok()).toBeTruthy()
    await expect.poll(() => order(page)).toEqual(['Done', 'Ideas', 'In progress', 'Planned'])
  })

  await test.step('the order is the server’s', async () => {
    await page.reload()
    await column(page, 'Ideas').locator('li[data-card-id]').first().waitFor()
    expect(await order(page)).toEqual(['Done', 'Ideas', 'In progress', 'Planned'])
  })
})
