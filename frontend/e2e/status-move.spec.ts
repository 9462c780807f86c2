// Issue 12, item 3: status-change emails from the board. A card with requesters dropped into
// a planned or declined column asks whether to email them, pre-selected from the column's
// notify_default, with a note (declined: "Tell them why"); the people get that email.
import { expect, test } from '@playwright/test'
import { cardIn, column, mouseDrag, waitMove } from './board'
import { emailTo } from './mail'
import { admin } from './people'
import { apiAs } from './session'

test('dropping a card into Planned or Declined offers the email as the column says, with the note', async ({ page }) => {
  const api = await apiAs(page, admin)
  const { board, cards } = await api.board('Status emails', ['Offline sync', 'Widgets'], {
    columns: [
      { name: 'Ideas', stage: 'open' },
      { name: 'Planned', stage: 'planned' },
      { name: 'Not doing', stage: 'declined' },
    ],
  })
  const [sync, widgets] = cards as [(typeof cards)[0], (typeof cards)[0]]
  await api.link(sync.id, 'kai.status@example.com', 'Kai Status')
  await api.link(widgets.id, 'lee.status@example.com', 'Lee Status')
  await api.patch(`/columns/${board.columns[1]!.id}`, { notify_default: true })
  await page.goto(`/boards/${board.id}`)
  await cardIn(page, 'Offline sync').waitFor()

  await test.step('Planned emails by default: the box is ticked, the note goes into the email', async () => {
    await mouseDrag(page, cardIn(page, 'Offline sync'), column(page, 'Planned').locator('.card-list'))
    const dialog = page.getByRole('dialog', { name: 'Move “Offline sync” to Planned?' })
    await expect(dialog.getByLabel('Email the 1 person who asked')).toBeChecked()
    await dialog.getByLabel(/Note/).fill('It comes right after the spring release.')
    const moved = waitMove(page)
    await dialog.getByRole('button', { name: 'Move and email' }).click()
    const response = await moved
    expect(response.status()).toBe(200)
    expect(response.request().postDataJSON()).toMatchObject({ column_id: board.columns[1]!.id, notify: true, note: 'It comes right after the spring release.' })
    const text = await emailTo('kai.status@example.com', /Planned: Offline sync/)
    expect(text).toContain('It comes right after the spring release.')
  })

  await test.step('Declined does not by default; ticked, it asks why and says it', async () => {
    await mouseDrag(page, cardIn(page, 'Widgets'), column(page, 'Not doing').locator('.card-list'))
    const dialog = page.getByRole('dialog', { name: 'Move “Widgets” to Not doing?' })
    const box = dialog.getByLabel('Email the 1 person who asked')
    await expect(box).not.toBeChecked()
    await expect(dialog.getByLabel(/Tell them why/)).toHaveCount(0)
    await box.check()
    await dialog.getByLabel(/Tell them why/).fill('Widgets would drain the battery; we are making the app faster to open instead.')
    const moved = waitMove(page)
    await dialog.getByRole('button', { name: 'Move and email' }).click()
    expect((await moved).request().postDataJSON()).toMatchObject({ notify: true })
    const text = await emailTo('lee.status@example.com', /About your request: Widgets/)
    expect(text).toContain('Widgets would drain the battery')
    await expect(column(page, 'Not doing').locator('li[data-card-id]', { hasText: 'Widgets' })).toBeVisible()
  })
})
