// The browser test (`npm run e2e`, `make test-e2e`): Playwright Test driving Debian's Chromium
// against the real closeloop binary, real PostgreSQL and an SMTP sink (e2e/global-setup.ts).
import { defineConfig, devices } from '@playwright/test'

// Playwright cannot download its own browsers here; these flags keep Debian's Chromium quiet
// and offline (no --user-data-dir: Playwright sets its own).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
const desktop = { viewport: { width: 1280, height: 800 } }

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // One browser at a time on a 2-core machine; the projects below run in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list', { printSteps: true }], ['html', { outputFolder: 'e2e-report', open: 'never' }]],
  outputDir: 'e2e-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
    // Set by global-setup.ts; workers read this file after it ran.
    baseURL: process.env.E2E_BASE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The product team's day builds the board and the viewer the later projects use.
    { name: 'editor', testMatch: 'editor.spec.ts', use: desktop },
    { name: 'desktop', testIgnore: ['editor.spec.ts', '*phone.spec.ts', 'phone-support.spec.ts'], dependencies: ['editor'], use: desktop },
    // A real phone: mobile viewport, touch, device pixels (Chromium, not WebKit, is installed here).
    {
      name: 'phone',
      testMatch: ['*phone.spec.ts', 'phone-support.spec.ts'],
      dependencies: ['editor'],
      use: { ...devices['iPhone 13'], browserName: 'chromium', deviceScaleFactor: 2 },
    },
  ],
})
