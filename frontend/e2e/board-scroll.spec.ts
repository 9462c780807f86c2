// Issue 9, item 16: the board never scrolls into a blank void. The page is exactly the window;
// only the columns area scrolls, and only as far as there are columns and cards; a drag that
// does not start selects no text.
import { expect, test, type Page } from '@playwright/test'
import { cardIn, column } from './board'
import { admin } from './people'
import { apiAs } from './session'

const pageSize = (page: Page) =>
  page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }))

test('the board scrolls only its columns, only as far as they go, and a failed drag selects nothing', async ({ page }) => {
  const api = await apiAs(page, admin)
  const columns = ['Inbox', 'Ideas', 'Later', 'Planned', 'Building', 'Testing', 'Done'].map((name, i) => ({
    name,
    stage: i === 6 ? 'done' : i > 2 ? 'planned' : 'open',
  }))
  const titles = Array.from({ length: 14 }, (_, i) => `Tall column card ${i + 1}`)
  const { board } = await api.board('Wide board', titles, { columns })
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Tall column card 2').waitFor()
  // A column puts only the cards in view in the page: the last one comes as it is scrolled to.
  await column(page, 'Inbox').locator('.card-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await cardIn(page, 'Tall column card 14').waitFor()
  await column(page, 'Inbox').locator('.card-scroll').evaluate((el) => el.scrollTo({ top: 0 }))

  await test.step('the page is the window, however many columns and cards', async () => {
    const size = await pageSize(page)
    expect(size.width, 'page width').toBeLessThanOrEqual(size.innerWidth)
    expect(size.height, 'page height').toBeLessThanOrEqual(size.innerHeight)
  })

  await test.step('the wheel over empty space scrolls nothing away', async () => {
    const box = (await column(page, 'Later').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, Math.min(box.y + box.height + 40, 780))
    await page.mouse.wheel(0, 3000)
    await page.mouse.wheel(3000, 0)
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0])
    await expect(page.getByRole('heading', { name: 'Wide board' })).toBeInViewport()
  })

  await test.step('scrolled to the end, the last column ends the columns area', async () => {
    const area = page.getByTestId('columns')
    await area.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    await page.waitForTimeout(200)
    const [areaBox, last] = [(await area.boundingBox())!, (await column(page, 'Done').boundingBox())!]
    expect(areaBox.x + areaBox.width - (last.x + last.width), 'blank space after the last column').toBeLessThanOrEqual(24)
    const scrollsDown = await area.evaluate((el) => el.scrollHeight > el.clientHeight)
    expect(scrollsDown, 'the columns area does not scroll down past its columns').toBe(false)
  })

  await test.step('a drag that cannot start (from a column heading) selects no text', async () => {
    await page.getByTestId('columns').evaluate((el) => el.scrollTo({ left: 0 }))
    const from = (await column(page, 'Inbox').locator('.column-head').boundingBox())!
    const to = (await column(page, 'Planned').boundingBox())!
    await page.mouse.move(from.x + 10, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 20, { steps: 20 })
    await page.mouse.up()
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
  })
})
