// Accessibility: axe-core, injected into the page, must find nothing on what is shown now.
import { createRequire } from 'node:module'
import { expect, type Page } from '@playwright/test'
import type { AxeResults, RunOptions } from 'axe-core'

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source

// Every WCAG 2.x A/AA rule and axe's best practices, plus label-content-name-mismatch, which
// axe ships switched off (experimental) and which the outside review ran.
const options: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: { 'label-content-name-mismatch': { enabled: true } },
}

/** Runs axe on the whole page (or only inside `within`) and fails listing every violation. */
export async function expectNoAxeViolations(page: Page, what: string, within?: string) {
  // page.evaluate is not subject to the page's Content-Security-Policy, unlike a script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const results = await page.evaluate(
    ([sel, opts]) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(sel ? { include: [sel] } : document, opts),
    [within ?? null, options] as const,
  )
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n'),
  )
  expect(found, `axe on ${what}`).toEqual([])
}
