// Issue 13, item 7: the board's keyboard shortcuts. `?` opens the sheet, arrows go from card
// to card (scrolling a long, virtualized column to the card), n/e/m/a create, edit, move and
// archive (with Undo), `/` searches, Esc closes; nothing fires while typing or with a modifier,
// and a viewer gets only the reading keys.
import { expect, test, type Page } from '@playwright/test'
import { cardIn, column } from './board'
import { admin, type Person } from './people'
import { apiAs, signIn } from './session'
import { shoot } from './shots'

const focusedTitle = (page: Page) => page.evaluate(() => document.activeElement?.closest('li[data-card-id]')?.querySelector('.card-title')?.textContent ?? null)
const focusedColumn = (page: Page) => page.evaluate(() => document.activeElement?.closest<HTMLElement>('section[data-column]')?.dataset.column ?? null)

test('shortcuts: the sheet, arrows through a long column, n e m a, / and Esc, never while typing', async ({ page }) => {
  test.setTimeout(120_000)
  const api = await apiAs(page, admin)
  const titles = Array.from({ length: 60 }, (_, i) => `Key card ${String(i + 1).padStart(2, '0')}`)
  const { board } = await api.board('Shortcuts', titles)
  await api.card(board.id, board.columns[1]!.id, 'Planned one')
  await api.card(board.id, board.columns[1]!.id, 'Planned two')
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Key card 01').waitFor()

  await test.step('a visible hint says cards move with the keyboard', async () => {
    await expect(page.locator('.keys-hint')).toContainText('Space to pick up a card, arrows to move it')
  })

  await test.step('? opens the sheet (a modal dialog); Esc closes it', async () => {
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(sheet).toBeVisible()
    await expect(sheet).toContainText('New card in this column')
    await expect(sheet).toContainText('Archive the card')
    expect(await sheet.evaluate((d) => d.tagName === 'DIALOG' && (d as HTMLDialogElement).open)).toBe(true)
    await shoot(page, 'shortcuts-1280.png')
    await page.keyboard.press('Escape')
    await expect(sheet).toBeHidden()
  })

  await test.step('arrows: from nowhere to the first card, down a column far past what is rendered, across and back', async () => {
    await page.locator('body').click({ position: { x: 1200, y: 700 } })
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => focusedTitle(page)).toBe('Key card 01')
    expect(await cardIn(page, 'Key card 45').count(), 'card 45 is not rendered before the column scrolls').toBe(0)
    for (let i = 0; i < 44; i++) await page.keyboard.press('ArrowDown')
    await expect.poll(() => focusedTitle(page)).toBe('Key card 45')
    const inView = await cardIn(page, 'Key card 45').evaluate((li) => {
      const r = li.getBoundingClientRect()
      const s = li.closest('.card-scroll')!.getBoundingClientRect()
      return r.top >= s.top - 1 && r.bottom <= s.bottom + 1
    })
    expect(inView, 'the focused card is scrolled into the column’s view').toBe(true)
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => focusedTitle(page)).toBe('Key card 44')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focusedTitle(page)).toBe('Planned two')
    await page.keyboard.press('ArrowRight') // In progress and Done are empty: it stays
    await expect.poll(() => focusedTitle(page)).toBe('Planned two')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => focusedTitle(page)).toBe('Key card 01')
  })

  await test.step('nothing fires while typing in a field or with a modifier', async () => {
    const archives: string[] = []
    page.on('request', (r) => r.url().includes('/archive') && archives.push(r.url()))
    const search = page.getByPlaceholder('Search cards…')
    await search.click()
    await search.pressSequentially('ane')
    await expect(search).toHaveValue('ane')
    await expect(page.locator('.new-card')).toHaveCount(0)
    await expect(page.locator('dialog[open]')).toHaveCount(0)
    await expect(page).toHaveURL(/q=ane/)
    await search.fill('')
    // The search is cleared from the URL after a pause; the column then shows its cards again.
    await expect(page).not.toHaveURL(/q=/)
    await expect(column(page, 'Ideas').getByTestId('column-count')).toHaveText('60')
    await cardIn(page, 'Key card 01').locator('[role=button]').focus()
    for (const k of ['Control+a', 'Alt+a', 'Meta+e', 'Control+n']) await page.keyboard.press(k)
    await page.waitForTimeout(300)
    expect(archives).toEqual([])
    await expect(page.locator('dialog[open]')).toHaveCount(0)
    expect(await focusedTitle(page)).toBe('Key card 01')
  })

  await test.step('e opens the card with its title to edit; Esc closes and the focus is back on the card', async () => {
    await page.keyboard.press('e')
    const drawer = page.getByRole('dialog', { name: 'Card: Key card 01' })
    await expect(drawer).toBeVisible()
    await expect(drawer.getByLabel('Title')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
    await expect.poll(() => focusedTitle(page)).toBe('Key card 01')
  })

  await test.step('m opens the card at its Move form', async () => {
    await page.keyboard.press('m')
    const drawer = page.getByRole('dialog', { name: 'Card: Key card 01' })
    await expect(drawer.locator('[data-move-column]')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
  })

  await test.step('a archives the card, the focus goes to the next one, Undo restores it', async () => {
    await cardIn(page, 'Key card 01').locator('[role=button]').focus()
    const archived = page.waitForResponse((r) => r.url().includes('/archive') && r.request().method() === 'POST')
    await page.keyboard.press('a')
    expect((await archived).ok()).toBeTruthy()
    await expect(cardIn(page, 'Key card 01')).toHaveCount(0)
    await expect.poll(() => focusedTitle(page)).toBe('Key card 02')
    const toast = page.locator('.toast', { hasText: 'Archived “Key card 01”.' })
    await expect(column(page, 'Ideas').getByTestId('column-count')).toHaveText('59')
    const restored = page.waitForResponse((r) => r.url().includes('/restore') && r.request().method() === 'POST')
    await toast.getByRole('button', { name: 'Undo' }).click()
    expect((await restored).ok()).toBeTruthy()
    // A restored card comes back at the end of its column.
    await expect(column(page, 'Ideas').getByTestId('column-count')).toHaveText('60')
  })

  await test.step('n adds a card in the focused column', async () => {
    await cardIn(page, 'Planned one').locator('[role=button]').focus()
    await page.keyboard.press('n')
    const input = column(page, 'Planned').getByLabel('New card title in Planned')
    await expect(input).toBeFocused()
    await page.keyboard.type('Made with n')
    await page.keyboard.press('Enter')
    await expect(column(page, 'Planned').locator('li[data-card-id]', { hasText: 'Made with n' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(input).toBeHidden()
  })

  await test.step('/ opens the search of every board; Esc closes it', async () => {
    await cardIn(page, 'Planned one').locator('[role=button]').focus()
    await page.keyboard.press('/')
    const palette = page.getByRole('dialog', { name: 'Search every board' })
    await expect(palette).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(palette).toBeHidden()
  })
})

test('a viewer gets the reading keys only', async ({ page, browser }) => {
  const api = await apiAs(page, admin)
  const { board } = await api.board('Shortcuts read-only', ['Read one', 'Read two'])
  const reader: Person = { email: 'rita.reader@example.com', name: 'Rita Reader', password: 'reader password 1' }
  await api.member({ ...reader, role: 'viewer' })
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const view = await ctx.newPage()
  await signIn(view, reader)
  await view.goto(`/boards/${board.id}`)
  await cardIn(view, 'Read one').waitFor()
  const writes: string[] = []
  view.on('request', (r) => r.method() !== 'GET' && writes.push(`${r.method()} ${r.url()}`))

  await expect(view.locator('.keys-hint')).toContainText('Arrows go from card to card')
  await view.locator('body').click({ position: { x: 1200, y: 700 } })
  await view.keyboard.press('ArrowDown')
  await view.keyboard.press('ArrowDown')
  await expect.poll(() => focusedTitle(view)).toBe('Read two')
  for (const k of ['a', 'e', 'm', 'n']) await view.keyboard.press(k)
  await view.waitForTimeout(300)
  await expect(view.locator('dialog[open]')).toHaveCount(0)
  await expect(view.locator('.new-card')).toHaveCount(0)
  expect(writes).toEqual([])
  expect(await focusedColumn(view)).toBe('Ideas')

  await view.keyboard.press('?')
  const sheet = view.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toContainText('Go to the card above or below')
  await expect(sheet).not.toContainText('Archive')
  await view.keyboard.press('Escape')
  await view.keyboard.press('Enter')
  await expect(view.getByRole('dialog', { name: 'Card: Read two' })).toBeVisible()
  await ctx.close()
})
