// Issue 11, item 4: the support flow from the first-time trial. Support creates the card a
// customer asked for when the search finds none (or on the board, in an open column only), links a phone call without a conversation
// link (with the company) by Ctrl+Enter, and finds the form at the top of a card many asked for.
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { admin, type Person } from './people'
import { column } from './board'
import { apiAs, signIn } from './session'
import { shoot } from './shots'

const support: Person = { email: 'sue@example.com', name: 'Sue Support', password: 'support password 1' }

test('support creates ‘webhook’ from the search, links a phone call by Ctrl+Enter, and the form sits above 60 requesters', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board, cards } = await api.board('Support board', ['Dark mode'])
  for (let i = 0; i < 60; i++) await api.link(cards[0]!.id, `asker${i}@example.com`, `Asker ${i}`)
  await api.member({ ...support, role: 'support' })
  await page.context().clearCookies()
  await signIn(page, support)

  await test.step('search finds nothing: Create ‘webhook’ makes the card and opens it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Link a request' }).click()
    await page.getByLabel('Search cards on every board').fill('webhook')
    await expect(page.getByText('Nothing matches “webhook”.')).toBeVisible()
    await expectNoAxeViolations(page, 'the link-a-request page')
    await shoot(page, 'link-request-1280.png')
    await page.getByLabel('On board').selectOption({ label: 'Support board (Ideas)' })
    await page.getByRole('button', { name: 'Create ‘webhook’' }).click()
    await expect(page).toHaveURL(new RegExp(`/boards/${board.id}\\?card=`))
    await expect(page.getByRole('dialog', { name: 'Card: webhook' })).toBeVisible()
  })

  await test.step('a phone call without a link, with the company, sent by Ctrl+Enter', async () => {
    const drawer = page.getByRole('dialog', { name: 'Card: webhook' })
    await drawer.getByLabel('Where they asked').selectOption('phone')
    await drawer.getByLabel('Their email').fill('pat@acme.test')
    await drawer.getByLabel('Their name').fill('Pat Lee')
    await drawer.getByLabel('Company').fill('Acme')
    await drawer.getByLabel('What they said').fill('We want a webhook when a card ships')
    await expectNoAxeViolations(page, 'the support form')
    await shoot(page, 'support-form-1280.png')
    await page.keyboard.press('Control+Enter')
    await expect(drawer.getByRole('status').filter({ hasText: 'Linked Pat Lee to this card.' })).toBeVisible()
    await expect(drawer.getByRole('link', { name: 'Pat Lee' })).toBeVisible()
    await expect(drawer.getByLabel('Their email')).toHaveValue('')
    await page.keyboard.press('Escape')
  })

  await test.step('on a card 60 people asked for, the form is in the first screen', async () => {
    await page.goto(`/boards/${board.id}?card=${cards[0]!.id}`)
    const drawer = page.getByRole('dialog', { name: 'Card: Dark mode' })
    await drawer.getByRole('link', { name: 'Asker 59' }).waitFor()
    const form = await drawer.getByRole('button', { name: 'Link to this card' }).boundingBox()
    expect(form, 'the submit button is laid out').not.toBeNull()
    expect(form!.y + form!.height, 'the whole form is visible without scrolling').toBeLessThan(800)
  })

  await test.step('on the board, support may add a card to the open column and to no other', async () => {
    await page.goto(`/boards/${board.id}`)
    const ideas = column(page, 'Ideas')
    await expect(ideas.getByRole('button', { name: '+ Add a card' })).toBeVisible()
    for (const name of ['Planned', 'In progress', 'Done']) {
      await expect(column(page, name).getByRole('heading', { name })).toBeVisible()
      await expect(column(page, name).getByRole('button', { name: '+ Add a card' }), `no “Add a card” in ${name}`).toHaveCount(0)
    }
    await ideas.getByRole('button', { name: '+ Add a card' }).click()
    await ideas.getByLabel(/New card title/).fill('Export to CSV')
    await ideas.getByLabel(/New card title/).press('Enter')
    await expect(ideas.locator('li[data-card-id] .card-title', { hasText: 'Export to CSV' })).toBeVisible()
    await ideas.getByRole('button', { name: 'Done' }).click()
  })
})
