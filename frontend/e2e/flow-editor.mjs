// What the product team does: board, cards, drags (mouse and keyboard), the support link,
// shipping with a release note and watching the emails go out. Screenshots along the way.
import { join } from 'node:path'
import { assert, boardSnapshot, cardIn, column, mouseDrag, shoot, signIn, step, titles, waitMove } from './steps.mjs'

export const viewer = { email: 'vic@example.com', name: 'Vic Viewer', password: 'viewer password 1' }

export async function editorFlow({ base, admin, sink, shots, browser }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e.message))

  await step('sign in as admin; member and role are shown', async () => {
    await signIn(page, base, admin.email, admin.password)
    assert.equal(await page.getByTestId('role').textContent(), 'admin')
    await page.getByText('No boards yet.').waitFor()
  })

  await step('create a board with the default columns', async () => {
    await page.getByLabel('Name').fill('Product roadmap')
    await page.getByLabel('Description').fill('What our users asked for, and where it stands')
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.getByRole('heading', { name: 'Product roadmap' }).waitFor()
    const names = await page.locator('section[data-column]').evaluateAll((cs) => cs.map((c) => c.dataset.column))
    assert.deepEqual(names, ['Ideas', 'Planned', 'In progress', 'Done'])
  })

  await step('add cards', async () => {
    await addCards(page, 'Ideas', ['Dark mode', 'CSV export', 'Slack integration', 'Keyboard shortcuts'])
    await addCards(page, 'Planned', ['Faster search'])
    assert.deepEqual(await titles(page, 'Ideas'), ['Dark mode', 'CSV export', 'Slack integration', 'Keyboard shortcuts'])
  })

  await step('drag a card across columns with the mouse', async () => {
    const moved = waitMove(page)
    await mouseDrag(page, cardIn(page, 'CSV export'), cardIn(page, 'Faster search'), { below: true })
    assert.equal((await moved).status(), 200)
    assert.deepEqual((await titles(page, 'Planned')).sort(), ['CSV export', 'Faster search'])
    assert.ok(!(await titles(page, 'Ideas')).includes('CSV export'))
  })

  await step('move a card across columns with the keyboard', async () => {
    await cardIn(page, 'Slack integration').locator('[role=button]').focus()
    await page.keyboard.press('Space')
    await page.waitForTimeout(200)
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(300)
    const moved = waitMove(page)
    await page.keyboard.press('Space')
    assert.equal((await moved).status(), 200)
    assert.ok((await titles(page, 'Planned')).includes('Slack integration'))
    assert.ok(!(await titles(page, 'Ideas')).includes('Slack integration'))
  })

  await step('reorder within a column with the mouse', async () => {
    const moved = waitMove(page)
    await mouseDrag(page, cardIn(page, 'Keyboard shortcuts'), cardIn(page, 'Dark mode'))
    assert.equal((await moved).status(), 200)
    assert.deepEqual(await titles(page, 'Ideas'), ['Keyboard shortcuts', 'Dark mode'])
  })

  await step('a failed move rolls back and says why', async () => {
    await page.route('**/api/v1/cards/*/move', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'something went wrong on our side' } }) }),
    )
    const before = await boardSnapshot(page)
    await mouseDrag(page, cardIn(page, 'Dark mode'), column(page, 'In progress').locator('.card-list'))
    await page.getByText('Could not move “Dark mode”').waitFor()
    await page.waitForTimeout(200)
    assert.deepEqual(await boardSnapshot(page), before)
    await page.unroute('**/api/v1/cards/*/move')
  })

  await step('reload: the order is kept', async () => {
    const before = await boardSnapshot(page)
    await page.reload()
    await cardIn(page, 'Dark mode').waitFor()
    assert.deepEqual(await boardSnapshot(page), before)
  })

  await step('edit a card and link conversations from the drawer', async () => {
    await cardIn(page, 'Dark mode').click()
    const drawer = page.getByRole('dialog', { name: /Card: Dark mode/ })
    await drawer.getByLabel('Description').fill('A dark theme for the whole app, following the system setting.')
    await drawer.getByLabel('Labels').fill('ui, accessibility')
    await drawer.getByRole('button', { name: 'Save changes' }).click()
    await drawer.getByRole('button', { name: 'Save changes' }).and(page.locator(':disabled')).waitFor()
    await link(drawer, 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/4521', 'jane@example.com', 'Jane Doe', 'My eyes hurt when I work late. A dark theme would be lovely.')
    await link(drawer, 'https://acme.zendesk.com/agent/tickets/981', 'bob@example.org', 'Bob Stone', 'We use your app at night on the ward.')
    await drawer.getByRole('link', { name: 'Jane Doe' }).waitFor()
    await drawer.getByRole('link', { name: /Intercom #4521/ }).waitFor()
    await drawer.getByRole('link', { name: /Zendesk #981/ }).waitFor()
    await drawer.evaluate((el) => el.scrollTo(0, 0))
    await shoot(page, join(shots, 'card-drawer-1280.png'))
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await cardIn(page, 'Dark mode').locator('.demand', { hasText: '2' }).waitFor()
  })

  await step('move a card to Done with a release note; emails reach "sent"', async () => {
    await mouseDrag(page, cardIn(page, 'Dark mode'), column(page, 'Done').locator('.card-list'))
    const dialog = page.getByRole('dialog', { name: /Ship “Dark mode”/ })
    assert.match(await dialog.getByTestId('ship-consequence').textContent(), /2 people asked for this — they'll get a shipped email\./)
    await dialog.getByLabel(/Release note/).fill('Dark mode is here: Settings › Appearance, or follow your system.')
    const moved = waitMove(page)
    await dialog.getByRole('button', { name: 'Ship and email' }).click()
    assert.equal((await moved).status(), 200)
    const tile = cardIn(page, 'Dark mode')
    await tile.locator('.badge-shipped').waitFor()
    await tile.locator('[data-status=sent]', { hasText: '2 sent' }).waitFor({ timeout: 30_000 })
    const to = sink.messages.flatMap((m) => m.to).join(' ')
    assert.ok(to.includes('jane@example.com') && to.includes('bob@example.org'), `sink got: ${to}`)
    await shoot(page, join(shots, 'board-1280.png'))
  })

  await step('requester page: requests and delivery history', async () => {
    await cardIn(page, 'Dark mode').click()
    await page.getByRole('dialog').getByRole('link', { name: 'Jane Doe' }).click()
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor()
    await page.getByRole('link', { name: 'Dark mode' }).waitFor()
    await page.locator('.status-sent').first().waitFor()
    await shoot(page, join(shots, 'requester-1280.png'))
  })

  await step('phone width (390×844): board, drawer, requester page', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    const requesterURL = page.url()
    await shoot(page, join(shots, 'requester-390.png'))
    await page.goBack()
    await page.getByRole('dialog').getByRole('link', { name: 'Jane Doe' }).waitFor()
    await page.getByRole('dialog').evaluate((el) => el.scrollTo(0, 0))
    await shoot(page, join(shots, 'card-drawer-390.png'))
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await shoot(page, join(shots, 'board-390.png'))
    const scrolls = await page.getByTestId('columns').evaluate((el) => el.scrollWidth > el.clientWidth)
    assert.ok(scrolls, 'columns scroll horizontally on a phone')
    assert.ok(requesterURL.includes('/people/'))
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  await step('admin adds a viewer', async () => {
    await page.getByRole('link', { name: 'Members' }).click()
    const form = page.locator('form', { hasText: 'Add a member' })
    await form.getByLabel('Name').fill(viewer.name)
    await form.getByLabel('Email').fill(viewer.email)
    await form.getByLabel('Role').selectOption('viewer')
    await form.getByLabel('Password').fill(viewer.password)
    await form.getByRole('button', { name: 'Add member' }).click()
    await page.getByRole('cell', { name: viewer.email }).waitFor()
  })
  await context.close()
}

async function addCards(page, columnName, cardTitles) {
  const col = column(page, columnName)
  await col.getByRole('button', { name: '+ Add a card' }).click()
  for (const t of cardTitles) {
    await col.getByLabel(/New card title/).fill(t)
    await col.getByLabel(/New card title/).press('Enter')
    await col.locator('li[data-card-id] .card-title', { hasText: t }).waitFor()
  }
  await col.getByRole('button', { name: 'Done' }).click()
}

async function link(drawer, url, email, name, quote) {
  await drawer.getByLabel('Conversation link').fill(url)
  await drawer.getByLabel('Their email').fill(email)
  await drawer.getByLabel('Their name').fill(name)
  await drawer.getByLabel('What they said').fill(quote)
  await drawer.getByRole('button', { name: 'Link to this card' }).click()
  await drawer.getByText(`Linked ${name} to this card.`).waitFor()
}
