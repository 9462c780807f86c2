// Screenshots for docs/screenshots (README), taken along the flows.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { repoRoot } from './server'

const dir = join(repoRoot, 'docs/screenshots')

/** Screenshots show the screen, not the last message: open toasts are dismissed first. */
export async function shoot(page: Page, name: string) {
  for (const b of await page.locator('.toast button').all()) await b.click().catch(() => {})
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 2000 }).catch(() => {})
  await page.screenshot({ path: join(dir, name) })
}
