// Once per `playwright test` run: an SMTP sink and the real closeloop binary on a fresh
// database. The tests (in worker processes) find them through E2E_BASE and E2E_INBOX. The
// server's log is written to frontend/e2e-server.log when the run ends.
import { writeFileSync } from 'node:fs'
import type { FullConfig } from '@playwright/test'
import { admin } from './people'
import { startCloseloop } from './server'
import { startSmtpSink } from './smtp-sink'

export default async function globalSetup(_config: FullConfig) {
  const sink = await startSmtpSink()
  const app = await startCloseloop({ smtpPort: sink.smtpPort, admin }).catch(async (e: unknown) => {
    await sink.close()
    throw e
  })
  process.env.E2E_BASE = app.base
  process.env.E2E_INBOX = sink.inboxURL
  return async () => {
    writeFileSync(new URL('../e2e-server.log', import.meta.url), app.log.join('\n') + '\n')
    await app.stop()
    await sink.close()
  }
}
