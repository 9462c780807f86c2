// Issue 9, item 20: axe-core finds no violation on the board, the card drawer, the ship
// dialog, a requester's page and the admin page (the phone pass is in phone.spec.ts).
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { cardIn, column, mouseDrag } from './board'
import { admin } from './people'
import { apiAs } from './session'

test('axe finds nothing on the board, drawer, ship dialog, requester and admin pages', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board, cards } = await api.board('Accessible board', ['Offline mode', 'Audit log'])
  await api.link(cards[0]!.id, 'ana@example.com', 'Ana Lima')
  await api.token('Help desk', 'support')
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Offline mode').waitFor()

  await test.step('board', async () => {
    await expectNoAxeViolations(page, 'the board')
  })

  await test.step('card drawer', async () => {
    await cardIn(page, 'Offline mode').click()
    const drawer = page.getByRole('dialog', { name: /Card: Offline mode/ })
    await drawer.getByRole('link', { name: 'Ana Lima' }).waitFor()
    await expect(drawer).toHaveJSProperty('tagName', 'DIALOG')
    await expectNoAxeViolations(page, 'the card drawer')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
  })

  await test.step('ship dialog', async () => {
    await mouseDrag(page, cardIn(page, 'Offline mode'), column(page, 'Done').locator('.card-list'))
    const dialog = page.getByRole('dialog', { name: /Ship “Offline mode”/ })
    await dialog.waitFor()
    await expectNoAxeViolations(page, 'the ship dialog')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  await test.step('requester page', async () => {
    await cardIn(page, 'Offline mode').click()
    await page.getByRole('dialog').getByRole('link', { name: 'Ana Lima' }).click()
    await page.getByRole('heading', { name: 'Ana Lima' }).waitFor()
    await expectNoAxeViolations(page, 'the requester page')
  })

  await test.step('people and admin pages', async () => {
    await page.getByRole('link', { name: 'People', exact: true }).click()
    await page.getByRole('link', { name: /Ana Lima/ }).waitFor()
    await expectNoAxeViolations(page, 'the people page')
    await page.getByRole('link', { name: 'Members' }).click()
    await page.getByRole('cell', { name: 'Help desk' }).waitFor()
    await expectNoAxeViolations(page, 'the admin page')
  })
})
