// How the browser test reads and moves the board: columns, cards, what the board looks like,
// and drags with the real mouse.
import { expect, type Locator, type Page, type Response } from '@playwright/test'

export const column = (page: Page, name: string) => page.locator(`section[data-column="${name}"]`)
export const cardIn = (page: Page, title: string) =>
  page.locator('li[data-card-id]', { has: page.locator('.card-title', { hasText: title }) })

/** Card titles of every column, in order: what "the board" looks like. */
export function boardSnapshot(page: Page): Promise<Record<string, string[]>> {
  return page.locator('section[data-column]').evaluateAll((cols) =>
    Object.fromEntries(
      cols.map((c): [string, string[]] => [
        (c as HTMLElement).dataset.column ?? '',
        [...c.querySelectorAll('li[data-card-id] .card-title')].map((t) => t.textContent),
      ]),
    ),
  )
}

export function titles(page: Page, columnName: string): Promise<string[]> {
  return column(page, columnName).locator('li[data-card-id] .card-title').allTextContents()
}

const isMove = (r: Response) => r.url().includes('/move') && r.request().method() === 'POST'
export const waitMove = (page: Page) => page.waitForResponse(isMove, { timeout: 10_000 })

/** Drags with the real mouse, in small steps, like a person (dnd-kit needs movement to start). */
export async function mouseDrag(page: Page, from: Locator, to: Locator, { below = false } = {}) {
  const a = await from.boundingBox()
  const b = await to.boundingBox()
  expect(a && b, 'drag source and target are on screen').toBeTruthy()
  if (!a || !b) return
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 })
  const tx = b.x + b.width / 2
  const ty = below ? b.y + b.height - 6 : b.y + Math.min(b.height / 2, 30)
  await page.mouse.move(tx, ty, { steps: 18 })
  await page.waitForTimeout(150)
  await page.mouse.move(tx, ty + 2, { steps: 2 })
  await page.mouse.up()
}

/** Every visible button's name on the page: what a person could press. */
export function visibleButtons(page: Page): Promise<string[]> {
  return page
    .locator('button:visible')
    .evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') || b.textContent || '').trim()))
}
