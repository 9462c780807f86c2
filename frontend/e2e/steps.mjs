// Small helpers the browser flow is written with: named steps, column contents, real drags.
import assert from 'node:assert/strict'

let stepNo = 0
export async function step(name, fn) {
  stepNo++
  const t = Date.now()
  process.stdout.write(`e2e: ${String(stepNo).padStart(2)} ${name} … `)
  await fn()
  console.log(`ok (${Date.now() - t} ms)`)
}

export const column = (page, name) => page.locator(`section[data-column="${name}"]`)
export const cardIn = (page, title) => page.locator('li[data-card-id]', { has: page.locator('.card-title', { hasText: title }) })

/** Card titles of every column, in order: what "the board" looks like. */
export async function boardSnapshot(page) {
  return page.locator('section[data-column]').evaluateAll((cols) =>
    Object.fromEntries(cols.map((c) => [c.dataset.column, [...c.querySelectorAll('li[data-card-id] .card-title')].map((t) => t.textContent)])),
  )
}

export async function titles(page, columnName) {
  return column(page, columnName).locator('li[data-card-id] .card-title').allTextContents()
}

const isMove = (r) => r.url().includes('/move') && r.request().method() === 'POST'
export const waitMove = (page) => page.waitForResponse(isMove, { timeout: 10_000 })

/** Drags with the real mouse, in small steps, like a person (dnd-kit needs movement to start). */
export async function mouseDrag(page, from, to, { below = false } = {}) {
  const a = await from.boundingBox()
  const b = await to.boundingBox()
  assert.ok(a && b, 'drag source and target are on screen')
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

export async function signIn(page, base, email, password) {
  await page.goto(base + '/')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('role').waitFor()
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: 'Sign in' }).waitFor()
}

/** Screenshots show the screen, not the last message: dismiss open toasts first. */
export async function shoot(page, path) {
  for (const b of await page.locator('.toast button').all()) await b.click().catch(() => {})
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 2000 }).catch(() => {})
  await page.screenshot({ path })
}

/** Every visible button's name on the page: what a person could press. */
export async function visibleButtons(page) {
  return page.locator('button:visible').evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') || b.textContent || '').trim()))
}

export { assert }
