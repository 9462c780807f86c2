// The browser test: real Chromium (playwright-core) against the real closeloop binary,
// real PostgreSQL and an SMTP sink. Run: `npm run e2e` (after `npm run build`), or `make test-e2e`.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startSmtpSink } from './smtp-sink.mjs'
import { repoRoot, startCloseloop } from './server.mjs'
import { editorFlow } from './flow-editor.mjs'
import { viewerFlow } from './flow-viewer.mjs'

const admin = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' }
const shots = join(repoRoot, 'docs/screenshots')
mkdirSync(shots, { recursive: true })

const sink = await startSmtpSink()
let app
let browser
let failed = false
try {
  app = await startCloseloop({ smtpPort: sink.port, admin })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const ctx = { base: app.base, admin, sink, shots, browser }
  await editorFlow(ctx)
  await viewerFlow(ctx)
  console.log('e2e: 2 passed, 0 failed')
} catch (err) {
  failed = true
  console.error('\ne2e FAILED:', err)
  if (app) console.error('--- closeloop log (last 40 lines) ---\n' + app.log.slice(-40).join('\n'))
  console.log('e2e: 0 passed, 1 failed')
} finally {
  await browser?.close()
  await app?.stop()
  await sink.close()
}
process.exit(failed ? 1 : 0)
