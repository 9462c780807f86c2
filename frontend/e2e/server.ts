// Starts the real closeloop binary on a fresh PostgreSQL database for the browser test.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Person } from './people'

export const repoRoot = new URL('../../', import.meta.url).pathname
const pgURL = process.env.E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

function psql(sql: string) {
  execFileSync('psql', [pgURL + '/postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'inherit'] })
}

/** Uses CLOSELOOP_BIN (make test-e2e passes the one it built), or builds one with the UI in frontend/dist. */
function binary(dir: string): string {
  if (process.env.CLOSELOOP_BIN) return process.env.CLOSELOOP_BIN
  if (!existsSync(join(repoRoot, 'frontend/dist/index.html'))) throw new Error('frontend/dist is empty: run `npm run build` first')
  const bin = join(dir, 'closeloop')
  console.log('e2e: go build ./cmd/closeloop')
  execFileSync('go', ['build', '-o', bin, './cmd/closeloop'], { cwd: repoRoot, stdio: 'inherit' })
  return bin
}

export interface Closeloop {
  base: string
  log: string[]
  stop: () => Promise<void>
}

/** Creates a database (its name carries the pid) and an admin, and serves on a free port with SMTP at the sink. */
export async function startCloseloop({ smtpPort, admin }: { smtpPort: number; admin: Person }): Promise<Closeloop> {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-e2e-'))
  const bin = binary(dir)
  const db = `closeloop_e2e_${process.pid}_${Date.now()}`
  psql(`CREATE DATABASE ${db}`)
  const port = await freePort()
  const env = {
    ...process.env,
    DATABASE_URL: `${pgURL}/${db}?sslmode=disable`,
    CLOSELOOP_ADDR: `127.0.0.1:${port}`,
    CLOSELOOP_BASE_URL: `http://127.0.0.1:${port}`,
    CLOSELOOP_DATA_DIR: join(dir, 'data'),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=none`,
    MAIL_FROM: 'noreply@example.com',
    // Outbound webhooks to the specs' own loopback receivers, retried within seconds.
    CLOSELOOP_WEBHOOK_ALLOW_PRIVATE: 'true',
    CLOSELOOP_WEBHOOK_RETRY: '1s,1s,1s',
  }
  try {
    execFileSync(bin, ['admin', 'create', '--email', admin.email, '--name', admin.name, '--password-stdin'], {
      env, input: admin.password + '\n', stdio: ['pipe', 'pipe', 'pipe'],
    })
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer }
    throw new Error(`closeloop admin create failed:\n${String(stdout)}\n${String(stderr)}`)
  }
  const log: string[] = []
  const proc = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const s of [proc.stdout, proc.stderr]) s.on('data', (b: Buffer) => log.push(...String(b).trimEnd().split('\n')))
  // Set by the exit handler; an object, so the checks below read its current value.
  const state: { exited: number | null } = { exited: null }
  const exit = new Promise<void>((resolve) =>
    proc.on('exit', (code) => {
      state.exited = code ?? -1
      resolve()
    }),
  )
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (!(await ready(base))) {
    if (state.exited !== null) throw new Error(`closeloop serve exited with ${state.exited}:\n${log.join('\n')}`)
    if (Date.now() > deadline) throw new Error(`closeloop did not become ready:\n${log.join('\n')}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  async function stop() {
    if (state.exited === null) {
      proc.kill('SIGTERM')
      await exit
    }
    try {
      psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
    } catch (e) {
      console.error(`e2e: could not drop database ${db}:`, e)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return { base, stop, log }
}

async function ready(base: string): Promise<boolean> {
  try {
    return (await fetch(base + '/readyz')).ok
  } catch {
    return false // not listening yet
  }
}
