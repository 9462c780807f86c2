// Issue 13, item 3: a move says where the card went and offers Undo, which puts the card back
// between the neighbours it left (on the server too).
import { expect, test } from '@playwright/test'
import { cardIn, titles, waitMove } from './board'
import { admin } from './people'
import { apiAs } from './session'

test('Undo in the move toast puts the card back where it was', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board } = await api.board('Undo moves', ['Alpha', 'Bravo', 'Charlie'])
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Bravo').waitFor()

  // Bravo, the middle card, goes to Planned by keyboard.
  await cardIn(page, 'Bravo').locator('[role=button]').focus()
  const moved = waitMove(page)
  await page.keyboard.press('Space')
  await page.waitForTimeout(250)
  await page.keyboard.press('ArrowRight')
  await page.waitForTimeout(250)
  await page.keyboard.press('Space')
  expect((await moved).ok()).toBeTruthy()
  expect(await titles(page, 'Planned')).toEqual(['Bravo'])
  expect(await titles(page, 'Ideas')).toEqual(['Alpha', 'Charlie'])

  const toast = page.locator('.toast', { hasText: 'Moved “Bravo” to Planned.' })
  await expect(toast).toBeVisible()
  const back = waitMove(page)
  await toast.getByRole('button', { name: 'Undo' }).click()
  const res = await back
  expect(res.ok()).toBeTruthy()
  expect((JSON.parse(res.request().postData() ?? '{}') as { column_id: string }).column_id).toBe(board.columns[0]!.id)
  await expect(page.locator('.toast', { hasText: 'Moved “Bravo” back to Ideas.' })).toBeVisible()
  await expect.poll(() => titles(page, 'Ideas')).toEqual(['Alpha', 'Bravo', 'Charlie'])
  expect(await titles(page, 'Planned')).toEqual([])

  await page.reload()
  await cardIn(page, 'Bravo').waitFor()
  expect(await titles(page, 'Ideas'), 'the server has it back in its place').toEqual(['Alpha', 'Bravo', 'Charlie'])
})

test("the drawer's Move form offers the same Undo", async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board } = await api.board('Undo from the drawer', ['Alpha', 'Bravo', 'Charlie'])
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Bravo').click()
  const drawer = page.getByRole('dialog', { name: /Card: Bravo/ })
  await drawer.locator('[data-move-column]').selectOption({ label: 'Planned' })
  const moved = waitMove(page)
  await drawer.getByRole('button', { name: 'Move card' }).click()
  expect((await moved).ok()).toBeTruthy()
  await expect.poll(() => titles(page, 'Planned')).toEqual(['Bravo'])

  const toast = page.locator('.toast', { hasText: 'Moved “Bravo” to Planned.' })
  const back = waitMove(page)
  await toast.getByRole('button', { name: 'Undo' }).click()
  const res = await back
  expect(res.ok()).toBeTruthy()
  expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ column_id: board.columns[0]!.id })
  await expect(page.locator('.toast', { hasText: 'Moved “Bravo” back to Ideas.' })).toBeVisible()
  await expect.poll(() => titles(page, 'Ideas')).toEqual(['Alpha', 'Bravo', 'Charlie'])

  await page.reload()
  await cardIn(page, 'Alpha').waitFor()
  expect(await titles(page, 'Ideas'), 'the server has it back in its place').toEqual(['Alpha', 'Bravo', 'Charlie'])
})
