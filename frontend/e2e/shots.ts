// Screenshots for docs/screenshots (README), taken along the flows.
import { join } from 'node:path'
import { test, type Page } from '@playwright/test'
import { repoRoot } from './server'

const dir = join(repoRoot, 'docs/screenshots')

/** Screenshots show the screen, not the last message: open toasts are dismissed first. */
export async function shoot(page: Page, name: string, { fullPage = false } = {}) {
  for (const b of await page.locator('.toast button').all()) await b.click().catch(() => {})
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 2000 }).catch(() => {})
  // No hover left over from the last click (a touch screen has none to clear).
  if (!test.info().project.use.hasTouch) await page.mouse.move(1, (page.viewportSize()?.height ?? 800) - 1)
  await page.screenshot({ path: join(dir, name), fullPage })
}
