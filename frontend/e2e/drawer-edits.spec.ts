// Issue 9, item 18: unsaved edits in the card drawer are never dropped without asking —
// not by Escape, not by its close button, not by a press beside it. (Keeping what was typed
// through a 412 conflict is tested in src/cards/CardDetails.test.tsx.)
import { expect, test } from '@playwright/test'
import { cardIn } from './board'
import { admin } from './people'
import { apiAs } from './session'

test('closing the drawer with unsaved edits asks first; keeping them keeps them', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board } = await api.board('Unsaved edits', ['Two-factor sign-in'])
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Two-factor sign-in').click()
  const drawer = page.getByRole('dialog', { name: /Card: Two-factor sign-in/ })
  const description = drawer.getByLabel('Description')
  await description.fill('TOTP apps first, then passkeys.')
  const ask = page.getByRole('dialog', { name: 'Discard your changes?' })

  await test.step('Escape asks; “Keep editing” keeps the drawer and the text', async () => {
    await page.keyboard.press('Escape')
    await expect(ask).toBeVisible()
    await expect(ask).toContainText('description')
    await ask.getByRole('button', { name: 'Keep editing' }).click()
    await expect(ask).toBeHidden()
    await expect(drawer).toBeVisible()
    await expect(description).toHaveValue('TOTP apps first, then passkeys.')
  })

  await test.step('the close button asks too; “Discard changes” closes and drops them', async () => {
    await drawer.getByRole('button', { name: 'Close card' }).click()
    await ask.getByRole('button', { name: 'Discard changes' }).click()
    await expect(drawer).toBeHidden()
    await cardIn(page, 'Two-factor sign-in').click()
    await expect(drawer.getByLabel('Description')).toHaveValue('')
  })

  await test.step('without edits, Escape closes at once', async () => {
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
    await expect(ask).toHaveCount(0)
  })
})
