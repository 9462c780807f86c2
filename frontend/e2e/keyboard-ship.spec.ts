// Issue 9, item 15: shipping by keyboard is safe. After a keyboard drop into Done the ship
// dialog takes focus and keeps it, keys cannot move the card behind it, it names the column
// the card was dropped in, and its button ships the card there.
import { expect, test } from '@playwright/test'
import { boardSnapshot, cardIn, titles, waitMove } from './board'
import { admin } from './people'
import { apiAs } from './session'

test('a keyboard drop into Done: the dialog takes focus, keys do not move the card, it ships to Done', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board, cards } = await api.board('Keyboard ship', ['Bulk export'])
  await api.link(cards[0]!.id, 'kim@example.com', 'Kim')
  await page.goto(`/boards/${board.id}`)

  await cardIn(page, 'Bulk export').locator('[role=button]').focus()
  await page.keyboard.press('Space')
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(250)
    await page.keyboard.press('ArrowRight') // Ideas → Planned → In progress → Done
  }
  await page.waitForTimeout(250)
  await page.keyboard.press('Space')

  const dialog = page.getByRole('dialog', { name: /Ship “Bulk export”/ })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('ship-consequence')).toContainText('Moving it to Done marks it shipped.')
  const focusInside = () => dialog.evaluate((d) => d.contains(document.activeElement))
  await expect.poll(focusInside, { message: 'the ship dialog has the focus' }).toBe(true)
  const dropped = await boardSnapshot(page)
  expect(dropped.Done).toEqual(['Bulk export'])

  // The keys of another keyboard move, and Tab around the dialog: none reaches the board.
  for (const key of ['Space', 'ArrowLeft', 'Space', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab']) {
    await page.keyboard.press(key)
    await page.waitForTimeout(100)
    expect(await focusInside(), `focus after ${key}`).toBe(true)
  }
  expect(await boardSnapshot(page)).toEqual(dropped)
  await expect(dialog.getByTestId('ship-consequence')).toContainText('Moving it to Done marks it shipped.')

  await dialog.getByLabel(/Release note/).fill('Export every card of a board at once.')
  const moved = waitMove(page)
  await dialog.getByRole('button', { name: 'Ship and email' }).click()
  const response = await moved
  expect(response.status()).toBe(200)
  const shipped = (await response.json()) as { column_id: string; shipped_at: string | null; release_note: string }
  expect(shipped.column_id).toBe(board.columns[3]!.id)
  expect(shipped.shipped_at).not.toBeNull()
  expect(shipped.release_note).toBe('Export every card of a board at once.')
  await cardIn(page, 'Bulk export').locator('.badge-shipped').waitFor()
  expect(await titles(page, 'Done')).toEqual(['Bulk export'])
})
