// Bringing a Trello board in and keeping demand whole: upload an export, watch the progress
// bar, open the new board, merge two duplicate cards, ship the result, and see one email per
// distinct person.
import { expect, test } from '@playwright/test'
import type { components } from '../src/api/schema.gen'
import type { Message } from './smtp-sink'
import { cardIn, column, mouseDrag, waitMove } from './board'
import { admin } from './people'
import { apiAs, signIn } from './session'

type Card = components['schemas']['Card']

/** A Trello export in the real file's shape, with a board id of its own for this run. */
function trelloExport(): string {
  const stamp = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')
  const id = (n: number) => stamp + n.toString(16).padStart(16, '0')
  const list = (lid: string, name: string, pos: number, closed = false) => ({ id: lid, name, pos, closed, idBoard: id(0) })
  const card = (n: number, idList: string, name: string, extra = {}) => ({
    id: id(n), idList, name, pos: n * 16384, closed: false, desc: `${name}: what people asked`, idLabels: ['lab1'],
    idChecklists: [], badges: { comments: 1 }, dateLastActivity: '2022-11-21T19:49:03.697Z', ...extra,
  })
  return JSON.stringify({
    id: id(0), name: 'Imported roadmap', desc: 'From Trello', closed: false, prefs: { background: 'blue' },
    lists: [list('l1', 'Ideas 💡', 1), list('l2', 'Planned', 2), list('l3', 'Shipped 🚀', 3), list('l4', 'Old', 4, true)],
    labels: [{ id: 'lab1', name: '', color: 'green' }],
    cards: [card(1, 'l1', 'Export to CSV'), card(2, 'l1', 'CSV export from reports'), card(3, 'l2', 'Dark mode'),
      card(4, 'l3', 'SSO'), card(5, 'l4', 'An old idea')],
    actions: [{ id: 'a1', type: 'commentCard', date: '2022-11-21T19:23:46.824Z',
      data: { text: 'Customers keep asking', card: { id: id(1) } }, memberCreator: { fullName: 'Trello Sample User' } }],
    checklists: [], members: [],
  })
}

test('import a Trello board, merge duplicates, ship: one email per person', async ({ page }) => {
  page.on('pageerror', (e) => console.error('page error:', e.message))
  await signIn(page, admin)

  let boardId = ''
  await test.step('upload the export: the dry run shows columns and stages', async () => {
    await page.getByRole('button', { name: 'Import from Trello' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import from Trello' })
    await dialog.getByLabel('Trello export (.json)').setInputFiles({ name: 'board.json', mimeType: 'application/json', buffer: Buffer.from(trelloExport()) })
    const table = dialog.getByRole('table')
    await expect(table.getByRole('row', { name: /Ideas 💡/ })).toContainText('Open')
    await expect(table.getByRole('row', { name: /Shipped 🚀/ })).toContainText('Done')
    await expect(dialog.getByText('4 cards, 1 archived')).toBeVisible()
  })

  await test.step('import: the progress bar fills and the counts show', async () => {
    const dialog = page.getByRole('dialog', { name: 'Import from Trello' })
    await dialog.getByRole('button', { name: 'Import' }).click()
    const bar = dialog.getByRole('progressbar')
    await expect(bar).toBeVisible()
    await expect(dialog.getByText('Imported', { exact: true })).toBeVisible({ timeout: 30_000 })
    const max = await bar.getAttribute('max')
    await expect(bar).toHaveAttribute('value', max!)
    await expect(dialog.getByText(/4 columns, 4 cards, 1 archived, 1 labels/)).toBeVisible()
    await dialog.getByRole('button', { name: 'Open the board' }).click()
    await page.getByRole('heading', { name: 'Imported roadmap' }).waitFor()
    boardId = new URL(page.url()).pathname.split('/').pop()!
    await expect(column(page, 'Ideas 💡')).toContainText('Export to CSV')
  })

  const api = await apiAs(page, admin)
  await test.step('people ask for both duplicates (through the API)', async () => {
    const r = await page.request.get(`/api/v1/boards/${boardId}/cards`)
    const cards = ((await r.json()) as { items: Card[] }).items
    const byTitle = (t: string) => cards.find((c) => c.title === t)!.id
    await api.link(byTitle('Export to CSV'), 'ann@import.example', 'Ann')
    await api.link(byTitle('Export to CSV'), 'bob@import.example', 'Bob')
    await api.link(byTitle('CSV export from reports'), 'bob@import.example', 'Bob')
    await api.link(byTitle('CSV export from reports'), 'cat@import.example', 'Cat')
    await page.reload()
    await cardIn(page, 'Export to CSV').locator('.demand', { hasText: '2' }).waitFor()
  })

  await test.step('merge the duplicate from its drawer: the confirmation counts who moves', async () => {
    await cardIn(page, 'CSV export from reports').click()
    await page.getByRole('button', { name: 'Merge into…' }).click()
    const dialog = page.getByRole('dialog', { name: /Merge “CSV export from reports” into/ })
    await dialog.getByLabel('Find the card it duplicates').fill('Export')
    await dialog.getByRole('button', { name: /^Export to CSV/ }).click()
    await expect(dialog.getByTestId('merge-summary')).toContainText('1 requester moves to “Export to CSV”; 1 is already on it.')
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect(cardIn(page, 'CSV export from reports')).toHaveCount(0)
    await cardIn(page, 'Export to CSV').locator('.demand', { hasText: '3' }).waitFor()
  })

  await test.step('ship the merged card: three distinct people, three emails', async () => {
    await page.keyboard.press('Escape')
    await mouseDrag(page, cardIn(page, 'Export to CSV'), column(page, 'Shipped 🚀').locator('.card-list'))
    const dialog = page.getByRole('dialog', { name: /Ship “Export to CSV”/ })
    await expect(dialog.getByTestId('ship-consequence')).toContainText('3 people asked for this')
    const moved = waitMove(page)
    await dialog.getByRole('button', { name: 'Ship and email' }).click()
    expect((await moved).status()).toBe(200)
    await cardIn(page, 'Export to CSV').locator('[data-status=sent]', { hasText: '3 sent' }).waitFor({ timeout: 30_000 })
    const inbox = (await (await fetch(process.env.E2E_INBOX!)).json()) as Message[]
    const mine = inbox.flatMap((m) => m.to.join(' ').match(/[a-z]+@import\.example/g) ?? [])
    expect(mine.sort()).toEqual(['ann@import.example', 'bob@import.example', 'cat@import.example'])
  })
})
