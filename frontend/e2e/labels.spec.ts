// Issue 13, item 4: a label chip on a tile filters the board by it, several labels at once
// (label=a,b: cards having all), the toolbar shows and removes them, and the Labels dialog
// renames and recolours a label on every card of the board.
import { expect, test, type Page } from '@playwright/test'
import { cardIn, titles } from './board'
import { expectNoAxeViolations } from './axe'
import { admin } from './people'
import { apiAs } from './session'
import { shoot } from './shots'

const labelParam = (page: Page) => new URL(page.url()).searchParams.get('label')

test('label chips filter the board (several at once); the Labels dialog renames and recolours', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board, cards } = await api.board('Labelled', ['Both labels', 'Billing only', 'Mobile only', 'No labels'])
  await api.patch(`/cards/${cards[0]!.id}`, { labels: ['billing', 'mobile'] })
  await api.patch(`/cards/${cards[1]!.id}`, { labels: ['billing'] })
  await api.patch(`/cards/${cards[2]!.id}`, { labels: ['mobile'] })
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'No labels').waitFor()

  await test.step('a chip on a tile filters by its label, a second chip narrows to cards having both', async () => {
    await cardIn(page, 'Both labels').locator('[data-label="billing"]').click()
    await expect.poll(() => labelParam(page)).toBe('billing')
    await expect.poll(() => titles(page, 'Ideas')).toEqual(['Both labels', 'Billing only'])
    await expect(page.getByRole('dialog')).toHaveCount(0) // the chip filtered; it did not open the card
    await cardIn(page, 'Both labels').locator('[data-label="mobile"]').click()
    await expect.poll(() => labelParam(page)).toBe('billing,mobile')
    await expect.poll(() => titles(page, 'Ideas')).toEqual(['Both labels'])
  })

  await test.step('the toolbar shows each label filter; one press takes one away, the field adds one', async () => {
    const search = page.getByRole('search')
    await search.getByRole('button', { name: /^billing/ }).click()
    await expect.poll(() => labelParam(page)).toBe('mobile')
    await expect.poll(() => titles(page, 'Ideas')).toEqual(['Both labels', 'Mobile only'])
    const field = search.getByLabel('Also filter by label')
    await field.fill('billing')
    await field.press('Enter')
    await expect.poll(() => labelParam(page)).toBe('mobile,billing')
    await expect.poll(() => titles(page, 'Ideas')).toEqual(['Both labels'])
    await search.getByRole('button', { name: /^mobile/ }).click()
    await expect.poll(() => titles(page, 'Ideas')).toEqual(['Both labels', 'Billing only'])
  })

  await test.step('Labels: rename billing to payments in green on every card; the filter follows', async () => {
    await page.getByRole('button', { name: 'Labels', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Labels' })
    await expect(dialog.getByLabel('Name of label billing')).toHaveValue('billing')
    await expectNoAxeViolations(page, 'the Labels dialog', 'dialog[open]')
    await dialog.getByLabel('Name of label billing').fill('payments')
    await dialog.getByLabel('Colour of label billing').selectOption('green')
    await shoot(page, 'labels-dialog-1280.png')
    const saved = page.waitForResponse((r) => r.url().includes('/labels/billing') && r.request().method() === 'PATCH')
    await dialog.locator('li', { has: page.getByLabel('Name of label billing') }).getByRole('button', { name: 'Save' }).click()
    expect((await saved).ok()).toBeTruthy()
    await expect(page.locator('.toast', { hasText: 'Renamed “billing” to “payments” on 2 cards.' })).toBeVisible()
    await expect(dialog.getByLabel('Name of label payments')).toHaveValue('payments')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => labelParam(page)).toBe('payments')
    await expect.poll(() => titles(page, 'Ideas')).toEqual(['Both labels', 'Billing only'])
    await expect(cardIn(page, 'Billing only').locator('[data-label="payments"]')).toHaveClass(/label-green/)
  })

  await test.step('the server has the rename on every card', async () => {
    const r = await page.request.get(`/api/v1/boards/${board.id}/labels`)
    const items = ((await r.json()) as { items: { name: string; color: string; count: number }[] }).items
    expect(items).toEqual(expect.arrayContaining([{ name: 'payments', color: 'green', count: 2 }, expect.objectContaining({ name: 'mobile', count: 2 })]))
    expect(items.find((l) => l.name === 'billing')).toBeUndefined()
  })
})
