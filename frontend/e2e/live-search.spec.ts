// Issue 13, items 5 and 6: a card created or moved in one browser appears in another within
// a second, without a reload (GET /events); the command palette finds a card on another
// board by a typo'd word of what a customer said.
import { expect, test } from '@playwright/test'
import { cardIn, column } from './board'
import type { Page } from '@playwright/test'
import { admin } from './people'
import { apiAs } from './session'

const inColumn = (page: Page, name: string, title: string) =>
  column(page, name).locator('li[data-card-id]', { has: page.locator('.card-title', { hasText: title }) })

// The columns are paged per column (issue 15): another tab's card is patched into the right
// column's pages by the live queue (api/liveQueue.ts, boards/livePatch.ts), counts included.
test('a card created and moved in one browser appears in another within a second', async ({ browser }) => {
  const one = await browser.newContext()
  const two = await browser.newContext()
  const a = await one.newPage()
  const b = await two.newPage()
  const apiA = await apiAs(a, admin)
  const apiB = await apiAs(b, admin)
  const { board } = await apiA.board('Live board', ['Already here'])
  await a.goto(`/boards/${board.id}`)
  await b.goto(`/boards/${board.id}`)
  await expect(cardIn(a, 'Already here')).toBeVisible()
  await expect(cardIn(b, 'Already here')).toBeVisible()
  // Both tabs' streams are open before anything happens (the first event then reaches both).
  await expect(a.locator('[data-live="on"]')).toBeVisible()
  await expect(b.locator('[data-live="on"]')).toBeVisible()
  // Single cards are patched into the columns' pages: A never downloads a card list again.
  const lists: string[] = []
  a.on('request', (r) => r.method() === 'GET' && r.url().includes(`/boards/${board.id}/cards`) && lists.push(r.url()))
  const count = (name: string) => column(a, name).getByTestId('column-count')

  await test.step('created in B, shown in A', async () => {
    const created = await apiB.card(board.id, board.columns[0]!.id, 'Made in the other tab')
    const start = Date.now()
    await expect(cardIn(a, 'Made in the other tab')).toBeVisible({ timeout: 1000 })
    test.info().annotations.push({ type: 'created → shown', description: `${Date.now() - start} ms` })
    await expect(count(board.columns[0]!.name)).toHaveText('2')
    await test.step('moved in B, moved in A', async () => {
      await apiB.move(created.id, board.columns[1]!.id)
      await expect(inColumn(a, board.columns[1]!.name, 'Made in the other tab')).toBeVisible({ timeout: 1000 })
      await expect(inColumn(a, board.columns[0]!.name, 'Made in the other tab')).toHaveCount(0)
      await expect(count(board.columns[0]!.name)).toHaveText('1')
      await expect(count(board.columns[1]!.name)).toHaveText('1')
    })
    await test.step('edited and asked for in B, patched in place in A', async () => {
      await apiB.patch(`/cards/${created.id}`, { title: 'Renamed in the other tab' })
      await expect(cardIn(a, 'Renamed in the other tab')).toBeVisible({ timeout: 1000 })
      await apiB.link(created.id, 'ines@acme.test', 'Inès Duval', 'We need this before the audit.')
      await expect(cardIn(a, 'Renamed in the other tab').locator('.demand')).toContainText('1', { timeout: 1000 })
    })
  })
  await test.step('a card moved in A shows in B too', async () => {
    const here = await apiA.card(board.id, board.columns[0]!.id, 'Moved by A')
    await expect(cardIn(b, 'Moved by A')).toBeVisible({ timeout: 1000 })
    await apiA.move(here.id, board.columns[2]!.id)
    await expect(inColumn(b, board.columns[2]!.name, 'Moved by A')).toBeVisible({ timeout: 1000 })
  })
  expect(lists, 'card lists A fetched after it opened').toEqual([])
  await one.close()
  await two.close()
})

test('the palette finds a card on another board by a typo of a customer’s words', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board: here } = await api.board('Where I am', ['Something else'])
  const { board: there, cards } = await api.board('Finance asks', ['Invoices in PDF'])
  await api.link(cards[0]!.id, 'maria@acme.test', 'Maria Lopez', 'Our accountant retypes every invoice for the reconciliation at month end.')
  await page.goto(`/boards/${here.id}`)
  await expect(cardIn(page, 'Something else')).toBeVisible()

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search every board' })
  await expect(palette).toBeVisible()
  await palette.getByRole('combobox').fill('reconcilation')
  const hit = palette.getByRole('option').filter({ hasText: 'Invoices in PDF' })
  await expect(hit).toBeVisible()
  await expect(palette.getByRole('group', { name: 'Finance asks' })).toContainText('reconciliation')
  await expect(hit).toContainText('Maria Lopez')
  await expect(hit.locator('mark')).toContainText('reconciliation')
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`/boards/${there.id}\\?card=${cards[0]!.id}`))
  await expect(page.getByRole('dialog', { name: /Card: Invoices in PDF/ })).toBeVisible()

  await test.step('"/" opens it too, Esc closes it, arrows move', async () => {
    await page.keyboard.press('Escape') // the drawer
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('/')
    await expect(palette).toBeVisible()
    await palette.getByRole('combobox').fill('maria')
    await expect(palette.getByRole('group', { name: 'People' })).toContainText('maria@acme.test')
    await page.keyboard.press('Escape')
    await expect(palette).toBeHidden()
  })
})
