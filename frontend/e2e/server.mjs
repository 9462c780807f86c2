// Starts the real closeloop binary on a fresh PostgreSQL database for the browser test.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const repoRoot = new URL('../../', import.meta.url).pathname
const pgURL = process.env.E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

function psql(sql) {
  execFileSync('psql', [pgURL + '/postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'inherit'] })
}

/** Builds the binary (with the UI already in frontend/dist), or uses CLOSELOOP_BIN. */
export function buildBinary(dir) {
  if (process.env.CLOSELOOP_BIN) return process.env.CLOSELOOP_BIN
  if (!existsSync(join(repoRoot, 'frontend/dist/index.html'))) throw new Error('frontend/dist is empty: run `npm run build` first')
  const bin = join(dir, 'closeloop')
  console.log('e2e: go build ./cmd/closeloop')
  execFileSync('go', ['build', '-o', bin, './cmd/closeloop'], { cwd: repoRoot, stdio: 'inherit' })
  return bin
}

/**
 * Creates a database, an admin, and serves on a free port with SMTP_URL at the sink.
 * Returns the base URL, a stop function, and the server's log lines (printed on failure).
 */
export async function startCloseloop({ smtpPort, admin }) {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-e2e-'))
  const bin = buildBinary(dir)
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
    MAIL_FROM: 'Closeloop <noreply@example.com>',
  }
  try {
    execFileSync(bin, ['admin', 'create', '--email', admin.email, '--name', admin.name, '--password-stdin'], {
      env, input: admin.password + '\n', stdio: ['pipe', 'pipe', 'pipe'],
    })
  } catch (e) {
    throw new Error(`closeloop admin create failed:\n${e.stdout}\n${e.stderr}`)
  }
  const log = []
  const proc = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const s of [proc.stdout, proc.stderr]) s.on('data', (b) => log.push(...String(b).trimEnd().split('\n')))
  let exited = null
  proc.on('exit', (code) => (exited = code))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited !== null) throw new Error(`closeloop serve exited with ${exited}:\n${log.join('\n')}`)
    try {
      if ((await fetch(base + '/readyz')).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`closeloop did not become ready:\n${log.join('\n')}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  async function stop() {
    if (exited === null) {
      proc.kill('SIGTERM')
      await new Promise((r) => (exited !== null ? r() : proc.on('exit', r)))
    }
    try {
      psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
    } catch {}
    rmSync(dir, { recursive: true, force: true })
  }
  return { base, stop, log }
}
