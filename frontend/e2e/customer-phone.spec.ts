// Issue 12 on a phone (iPhone 13 emulation: mobile viewport, touch): the satisfaction chart,
// the drawer's answers, and the public roadmap and changelog fit the screen (no sideways
// scrolling) and axe finds nothing. The data is set up through the API and the email's link.
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { cardIn } from './board'
import { emailTo, linkAfter } from './mail'
import { admin } from './people'
import { apiAs } from './session'
import { shoot } from './shots'

async function expectFits(page: Page, what: string) {
  const { scroll, view } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
  expect(scroll, `${what}: page width on a ${view} px screen`).toBeLessThanOrEqual(view)
}

test('on a phone: the satisfaction chart, the drawer’s answers, the public roadmap and changelog', async ({ page, browser }) => {
  const api = await apiAs(page, admin)
  const { board, cards } = await api.board('Phone roadmap', ['Export to PDF', 'Shared folders with a rather long title to wrap'])
  const [pdf, folders] = cards as [(typeof cards)[0], (typeof cards)[0]]
  const col = (stage: string) => board.columns.find((c) => c.stage === stage)!.id
  await api.patch(`/boards/${board.id}`, { public: true, slug: 'phone-roadmap' })
  await api.link(pdf.id, 'pia.phone@example.com', 'Pia Phone', { quote: 'I send invoices from my phone.' })
  await api.link(pdf.id, 'raj.phone@example.com', 'Raj Phone')
  await api.move(folders.id, col('planned'))
  await api.move(pdf.id, col('done'), { release_note: 'Any note can be saved as a PDF from its menu.' })
  for (const [to, answer, comment] of [['pia.phone', 'no', 'Pages are cut at the right edge.'], ['raj.phone', 'yes', '']] as const) {
    const link = linkAfter(await emailTo(`${to}@example.com`, /Export to PDF/), answer === 'yes' ? 'Yes' : 'Not quite')
    const r = await page.request.post(link.split('?')[0]!, { form: { answer, comment } })
    expect(r.status()).toBe(200)
  }

  await test.step('the satisfaction view', async () => {
    await page.goto(`/boards/${board.id}/satisfaction`)
    await page.getByRole('img', { name: /Answers over the last/ }).waitFor()
    await expect(page.locator('.sat-figures')).toContainText('Share of yes50%')
    await expectFits(page, 'the satisfaction view')
    await expectNoAxeViolations(page, 'the satisfaction view on a phone')
    await shoot(page, 'satisfaction-390.png', { fullPage: true })
  })

  await test.step('the drawer’s answers', async () => {
    await page.goto(`/boards/${board.id}`)
    await cardIn(page, 'Export to PDF').locator('[role=button]').tap()
    const drawer = page.getByRole('dialog', { name: /Card: Export to PDF/ })
    const section = drawer.getByRole('region', { name: 'Did this solve it?' })
    await expect(section.getByRole('listitem')).toHaveCount(2)
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await expectNoAxeViolations(page, 'the drawer’s answers on a phone')
    await shoot(page, 'satisfaction-drawer-390.png')
  })

  await test.step('signed out: the roadmap and the changelog', async () => {
    const anyone = await (await browser.newContext({ ...test.info().project.use, baseURL: process.env.E2E_BASE })).newPage()
    await anyone.goto('/roadmap/phone-roadmap')
    await anyone.getByRole('heading', { level: 1, name: 'Phone roadmap' }).waitFor()
    await anyone.getByText('I want this too').tap()
    await anyone.getByLabel('Your email').waitFor()
    await expectFits(anyone, 'the roadmap')
    await expectNoAxeViolations(anyone, 'the roadmap on a phone')
    await shoot(anyone, 'roadmap-390.png', { fullPage: true })
    await anyone.getByRole('link', { name: 'Changelog', exact: true }).tap()
    await anyone.getByRole('heading', { level: 1, name: /What shipped/ }).waitFor()
    await expectFits(anyone, 'the changelog')
    await expectNoAxeViolations(anyone, 'the changelog on a phone')
    await shoot(anyone, 'changelog-390.png', { fullPage: true })
    await anyone.context().close()
  })
})
