// Issue 15: a board of 2,000 cards, seeded through the API, opens at once, shows each column's
// true count with only the cards in view in the page, loads the rest as a column is scrolled
// (nothing cut off), moves cards with the mouse and the keyboard without downloading the board
// again, searches on the server, reads out nothing wrong to axe, and is read-only to a viewer.
import { expect, test, type Page, type Request } from '@playwright/test'
import type { components } from '../src/api/schema.gen'
import { cardIn, column, mouseDrag, titles, waitMove } from './board'
import { expectNoAxeViolations } from './axe'
import { admin, viewer } from './people'
import { signIn } from './session'
import { shoot } from './shots'

type Board = components['schemas']['Board']

const counts = { Ideas: 1200, Planned: 600, 'In progress': 200 }
const total = 2000
const isChart = (i: number) => i % 40 === 0
const title = (i: number) => (isChart(i) ? `Chart export ${String(i).padStart(4, '0')}` : `Big card ${String(i).padStart(4, '0')}`)

/** Seeds the board through the API, six requests at a time. */
async function seed(page: Page): Promise<Board> {
  const session = await page.request.post('/api/v1/session', { data: { email: admin.email, password: admin.password } })
  expect(session.ok()).toBeTruthy()
  const { csrf_token: csrf } = (await session.json()) as components['schemas']['Session']
  const headers = { 'X-CSRF-Token': csrf }
  const res = await page.request.post('/api/v1/boards', { data: { name: 'Big backlog' }, headers })
  expect(res.ok()).toBeTruthy()
  const board = (await res.json()) as Board
  const columnOf = (i: number) => (i <= counts.Ideas ? 0 : i <= counts.Ideas + counts.Planned ? 1 : 2)
  let next = 1
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let i = next++; i <= total; i = next++) {
        const r = await page.request.post(`/api/v1/boards/${board.id}/cards`, {
          data: { column_id: board.columns[columnOf(i)]!.id, kind: 'idea', title: title(i) },
          headers,
        })
        expect(r.ok(), `card ${i}: ${r.status()}`).toBeTruthy()
      }
    }),
  )
  return board
}

const count = (page: Page, name: string) => column(page, name).getByTestId('column-count')
/** The title of the n-th card (0 first) a column shows: six cards were created at a time, so their order is the server's. */
const nth = async (page: Page, name: string, n: number) => (await column(page, name).locator('li[data-card-id] .card-title').nth(n).textContent())!
const listsCards = (boardId: string) => (r: Request) => r.method() === 'GET' && r.url().includes(`/boards/${boardId}/cards`)

test('a 2,000-card board: true counts, paged columns, moves in place, server search, axe, viewer', async ({ page, browser }) => {
  test.setTimeout(240_000)
  const board = await test.step('seed 2,000 cards through the API', () => seed(page))
  let firstMoved = '', secondMoved = ''

  await test.step('opens with each column’s true count and only the cards in view in the page', async () => {
    await page.goto(`/boards/${board.id}`)
    await column(page, 'Ideas').locator('li[data-card-id]').first().waitFor()
    await expect(count(page, 'Ideas')).toHaveText('1,200')
    await expect(count(page, 'Planned')).toHaveText('600')
    await expect(count(page, 'In progress')).toHaveText('200')
    await expect(count(page, 'Done')).toHaveText('0')
    const inPage = await page.locator('li[data-card-id]').count()
    expect(inPage, 'card tiles in the page').toBeLessThan(150)
    const sizes = await column(page, 'Ideas').locator('li[data-card-id]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-setsize')))
    expect(new Set(sizes)).toEqual(new Set(['1200']))
    await shoot(page, 'board-2000-1280.png')
  })

  await test.step('scrolling a column loads it to its last card: nothing is cut off', async () => {
    const scroller = column(page, 'In progress').locator('.card-scroll')
    for (let i = 0; i < 40; i++) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
      await page.waitForTimeout(150)
      if (await cardIn(page, title(total)).count()) break
    }
    await expect(cardIn(page, title(total))).toBeVisible()
    await expect(column(page, 'In progress').locator(`li[aria-posinset="200"]`)).toHaveCount(1)
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }))
  })

  await test.step('a mouse drag moves the card in place, and the board is not downloaded again', async () => {
    const lists: string[] = []
    page.on('request', (r) => listsCards(board.id)(r) && lists.push(r.url()))
    const [card, onto] = [await nth(page, 'Ideas', 0), await nth(page, 'Planned', 0)]
    firstMoved = card
    const moved = waitMove(page)
    await mouseDrag(page, cardIn(page, card), cardIn(page, onto))
    expect((await moved).ok()).toBeTruthy()
    await expect(column(page, 'Planned').locator('li[data-card-id]', { hasText: card })).toBeVisible()
    await expect(count(page, 'Ideas')).toHaveText('1,199')
    await expect(count(page, 'Planned')).toHaveText('601')
    await page.waitForTimeout(1000)
    expect(lists, 'card lists fetched after the move').toEqual([])
  })

  await test.step('a keyboard move (Space, ArrowRight, Space) does the same', async () => {
    const lists: string[] = []
    page.on('request', (r) => listsCards(board.id)(r) && lists.push(r.url()))
    const card = await nth(page, 'Ideas', 0)
    secondMoved = card
    await cardIn(page, card).locator('[role=button]').focus()
    const moved = waitMove(page)
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    expect((await moved).ok()).toBeTruthy()
    await expect(column(page, 'Planned').locator('li[data-card-id]', { hasText: card })).toBeVisible()
    await expect(count(page, 'Ideas')).toHaveText('1,198')
    await expect(count(page, 'Planned')).toHaveText('602')
    await page.waitForTimeout(500)
    expect(lists).toEqual([])
  })

  await test.step('while 200 cards arrive live from another browser, a keyboard move still settles, counts follow, nothing is refetched', async () => {
    const lists: string[] = []
    page.on('request', (r) => listsCards(board.id)(r) && lists.push(r.url()))
    const other = await browser.newContext()
    const session = await other.request.post('/api/v1/session', { data: { email: admin.email, password: admin.password } })
    const { csrf_token: csrf } = (await session.json()) as components['schemas']['Session']
    let next = 1
    const burst = Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = next++; i <= 200; i = next++) {
          const r = await other.request.post(`/api/v1/boards/${board.id}/cards`, {
            data: { column_id: board.columns[2]!.id, kind: 'idea', title: `Live burst ${String(i).padStart(3, '0')}` },
            headers: { 'X-CSRF-Token': csrf },
          })
          expect(r.ok()).toBeTruthy()
        }
      }),
    )
    const card = await nth(page, 'In progress', 0)
    await cardIn(page, card).locator('[role=button]').focus()
    const moved = waitMove(page)
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    expect((await moved).ok()).toBeTruthy()
    await burst
    await expect(count(page, 'In progress')).toHaveText('400', { timeout: 5000 })
    expect(await nth(page, 'In progress', 1)).toBe(card)
    expect(lists, 'card lists fetched during the burst').toEqual([])
    await other.close()
  })

  await test.step('the moves are the server’s too', async () => {
    await page.reload()
    await column(page, 'Planned').locator('li[data-card-id]').first().waitFor()
    expect(await titles(page, 'Planned')).toEqual(expect.arrayContaining([firstMoved, secondMoved]))
    await expect(count(page, 'Planned')).toHaveText('602')
  })

  await test.step('search filters every column on the server, counts included', async () => {
    await page.getByRole('searchbox', { name: 'Search cards' }).pressSequentially('Chart export', { delay: 40 })
    await expect(count(page, 'Ideas')).toHaveText('30')
    await expect(count(page, 'Planned')).toHaveText('15')
    await expect(count(page, 'In progress')).toHaveText('5')
    const shown = await page.locator('li[data-card-id] .card-title').allTextContents()
    expect(shown.length).toBeGreaterThan(10)
    expect(shown.filter((t) => !t.startsWith('Chart export')), 'cards shown that do not match').toEqual([])
    await expectNoAxeViolations(page, 'the 2,000-card board, searched')
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(count(page, 'Ideas')).toHaveText('1,198')
  })

  await test.step('axe finds nothing on the big board', async () => {
    await expectNoAxeViolations(page, 'the 2,000-card board')
  })

  await test.step('a viewer reads the big board and cannot move anything', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const vp = await ctx.newPage()
    const writes: string[] = []
    vp.on('request', (r) => {
      if (r.method() !== 'GET' && !r.url().endsWith('/api/v1/session')) writes.push(`${r.method()} ${r.url()}`)
    })
    await signIn(vp, viewer)
    await vp.goto(`/boards/${board.id}`)
    await column(vp, 'Ideas').locator('li[data-card-id]').first().waitFor()
    const [a, b, onto] = [await nth(vp, 'Ideas', 0), await nth(vp, 'Ideas', 1), await nth(vp, 'Planned', 0)]
    const roles = await vp.locator('li[data-card-id] [role=button]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-roledescription')))
    expect(roles.length).toBeGreaterThan(0)
    expect(roles.every((r) => r === 'card')).toBe(true)
    await mouseDrag(vp, cardIn(vp, a), cardIn(vp, onto))
    await cardIn(vp, b).locator('[role=button]').focus()
    await vp.keyboard.press('Space')
    await vp.keyboard.press('ArrowRight')
    await vp.keyboard.press('Space')
    await vp.waitForTimeout(300)
    // (Space on a card a viewer cannot pick up scrolls the column, as on any page: only counts tell.)
    await expect(count(vp, 'Ideas')).toHaveText('1,198')
    await expect(count(vp, 'Planned')).toHaveText('602')
    for (const t of [a, b]) await expect(column(vp, 'Planned').locator('li[data-card-id]', { hasText: t })).toHaveCount(0)
    expect(writes).toEqual([])
    await ctx.close()
  })
})
