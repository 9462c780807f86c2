// What the product team does: board, cards, drags (mouse and keyboard), the support link,
// shipping with a release note and watching the emails go out. Screenshots along the way.
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { Message } from './smtp-sink'
import { boardSnapshot, cardIn, column, mouseDrag, titles, waitMove } from './board'
import { admin, viewer } from './people'
import { signIn } from './session'
import { shoot } from './shots'

test('the product team: a board, drags, the support link, shipping and the emails', async ({ page }) => {
  page.on('pageerror', (e) => console.error('page error:', e.message))

  await test.step('sign in as admin; member and role are shown', async () => {
    await signIn(page, admin)
    await expect(page.getByTestId('role')).toHaveText('admin')
    await page.getByText('No boards yet.').waitFor()
  })

  await test.step('create a board with the default columns', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Product roadmap')
    await page.getByLabel('Description').fill('What our users asked for, and where it stands')
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.getByRole('heading', { name: 'Product roadmap' }).waitFor()
    const names = await page.locator('section[data-column]').evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.column))
    expect(names).toEqual(['Ideas', 'Planned', 'In progress', 'Done'])
  })

  await test.step('add cards', async () => {
    await addCards(page, 'Ideas', ['Dark mode', 'CSV export', 'Slack integration', 'Keyboard shortcuts'])
    await addCards(page, 'Planned', ['Faster search'])
    expect(await titles(page, 'Ideas')).toEqual(['Dark mode', 'CSV export', 'Slack integration', 'Keyboard shortcuts'])
  })

  await test.step('drag a card across columns with the mouse', async () => {
    const moved = waitMove(page)
    await mouseDrag(page, cardIn(page, 'CSV export'), cardIn(page, 'Faster search'), { below: true })
    expect((await moved).status()).toBe(200)
    expect((await titles(page, 'Planned')).sort()).toEqual(['CSV export', 'Faster search'])
    expect(await titles(page, 'Ideas')).not.toContain('CSV export')
  })

  await test.step('move a card across columns with the keyboard', async () => {
    await cardIn(page, 'Slack integration').locator('[role=button]').focus()
    await page.keyboard.press('Space')
    await page.waitForTimeout(200)
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(300)
    const moved = waitMove(page)
    await page.keyboard.press('Space')
    expect((await moved).status()).toBe(200)
    expect(await titles(page, 'Planned')).toContain('Slack integration')
    expect(await titles(page, 'Ideas')).not.toContain('Slack integration')
  })

  await test.step('reorder within a column with the mouse', async () => {
    const moved = waitMove(page)
    await mouseDrag(page, cardIn(page, 'Keyboard shortcuts'), cardIn(page, 'Dark mode'))
    expect((await moved).status()).toBe(200)
    expect(await titles(page, 'Ideas')).toEqual(['Keyboard shortcuts', 'Dark mode'])
  })

  await test.step('a failed move rolls back and says why', async () => {
    await page.route('**/api/v1/cards/*/move', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'something went wrong on our side' } }) }),
    )
    const before = await boardSnapshot(page)
    await mouseDrag(page, cardIn(page, 'Dark mode'), column(page, 'In progress').locator('.card-list'))
    await page.getByText('Could not move “Dark mode”').waitFor()
    await page.waitForTimeout(200)
    expect(await boardSnapshot(page)).toEqual(before)
    await page.unroute('**/api/v1/cards/*/move')
  })

  await test.step('reload: the order is kept', async () => {
    const before = await boardSnapshot(page)
    await page.reload()
    await cardIn(page, 'Dark mode').waitFor()
    expect(await boardSnapshot(page)).toEqual(before)
  })

  await test.step('edit a card and link conversations from the drawer', async () => {
    await cardIn(page, 'Dark mode').click()
    const drawer = page.getByRole('dialog', { name: /Card: Dark mode/ })
    await drawer.getByLabel('Description').fill('A dark theme for the whole app, following the system setting.')
    await drawer.getByLabel('Labels').fill('ui, accessibility')
    await drawer.getByRole('button', { name: 'Save changes' }).click()
    await expect(drawer.getByRole('button', { name: 'Save changes' })).toBeDisabled()
    await link(drawer, 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/4521', 'jane@example.com', 'Jane Doe', 'My eyes hurt when I work late. A dark theme would be lovely.')
    await link(drawer, 'https://acme.zendesk.com/agent/tickets/981', 'bob@example.org', 'Bob Stone', 'We use your app at night on the ward.')
    await drawer.getByRole('link', { name: 'Jane Doe' }).waitFor()
    await drawer.getByRole('link', { name: /Intercom #4521/ }).waitFor()
    await drawer.getByRole('link', { name: /Zendesk #981/ }).waitFor()
    await drawer.evaluate((el) => el.scrollTo(0, 0))
    await shoot(page, 'card-drawer-1280.png')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await cardIn(page, 'Dark mode').locator('.demand', { hasText: '2' }).waitFor()
  })

  await test.step('move a card to Done with a release note; emails reach "sent"', async () => {
    await mouseDrag(page, cardIn(page, 'Dark mode'), column(page, 'Done').locator('.card-list'))
    const dialog = page.getByRole('dialog', { name: /Ship “Dark mode”/ })
    await expect(dialog.getByTestId('ship-consequence')).toContainText("2 people asked for this — they'll get a shipped email.")
    await dialog.getByLabel(/Release note/).fill('Dark mode is here: Settings › Appearance, or follow your system.')
    const moved = waitMove(page)
    await dialog.getByRole('button', { name: 'Ship and email' }).click()
    expect((await moved).status()).toBe(200)
    const tile = cardIn(page, 'Dark mode')
    await tile.locator('.badge-shipped').waitFor()
    await tile.locator('[data-status=sent]', { hasText: '2 sent' }).waitFor({ timeout: 30_000 })
    const inbox = (await (await fetch(process.env.E2E_INBOX!)).json()) as Message[]
    const to = inbox.flatMap((m) => m.to).join(' ')
    expect(to).toContain('jane@example.com')
    expect(to).toContain('bob@example.org')
    await shoot(page, 'board-1280.png')
  })

  await test.step('requester page: requests and delivery history', async () => {
    await cardIn(page, 'Dark mode').click()
    await page.getByRole('dialog').getByRole('link', { name: 'Jane Doe' }).click()
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor()
    await page.getByRole('link', { name: 'Dark mode' }).waitFor()
    await page.locator('.status-sent').first().waitFor()
    await shoot(page, 'requester-1280.png')
  })

  await test.step('admin adds a viewer', async () => {
    await page.getByRole('link', { name: 'Members' }).click()
    const form = page.locator('form', { hasText: 'Invite a member' })
    await form.getByLabel('Name').fill(viewer.name)
    await form.getByLabel('Email', { exact: true }).fill(viewer.email)
    await form.getByLabel('Role').selectOption('viewer')
    // The viewer's password is known to the later specs: set here, not by an invitation (members.spec.ts).
    await form.getByLabel('Set a password for them instead of sending an invitation').check()
    await form.getByLabel('Password', { exact: true }).fill(viewer.password)
    await form.getByRole('button', { name: 'Add member' }).click()
    await page.getByRole('cell', { name: viewer.email }).waitFor()
  })
})

async function addCards(page: Page, columnName: string, cardTitles: string[]) {
  const col = column(page, columnName)
  await col.getByRole('button', { name: '+ Add a card' }).click()
  for (const t of cardTitles) {
    await col.getByLabel(/New card title/).fill(t)
    await col.getByLabel(/New card title/).press('Enter')
    await col.locator('li[data-card-id] .card-title', { hasText: t }).waitFor()
  }
  await col.getByRole('button', { name: 'Done' }).click()
}

async function link(drawer: Locator, url: string, email: string, name: string, quote: string) {
  await drawer.getByLabel('Conversation link').fill(url)
  await drawer.getByLabel('Their email').fill(email)
  await drawer.getByLabel('Their name').fill(name)
  await drawer.getByLabel('What they said').fill(quote)
  await drawer.getByRole('button', { name: 'Link to this card' }).click()
  await drawer.getByText(`Linked ${name} to this card.`).waitFor()
}
