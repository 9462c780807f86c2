// The UI section of `make bench` (`make bench-ui`): seeds boards of 1,000 and 5,000 cards
// through the API of the real binary, drives Debian's Chromium (Playwright) at 1280×800 and
// prints the median of 3 runs of each measure, then Lighthouse (mobile) on the 1,000-card
// board when it is installed (make bench-ui installs it on demand).
//
//   node bench/ui-bench.mjs [--sizes 1000,5000] [--runs 3] [--no-lighthouse] [--lighthouse-runs 1] [--json FILE] [--lighthouse-report FILE]
//
// --lighthouse-runs N runs Lighthouse N times and reports the run with the median score (its
// figures, and its report with --lighthouse-report); each run's score is printed.
//
// CLOSELOOP_BIN names the binary (make passes the one it built); the UI must be embedded.
// What is measured, in the page (performance.now(), so Playwright's round trips do not count):
//   open          navigation start → the first card tile is in the DOM
//   heap / DOM    after the first load went quiet: JS heap used after a forced GC, DOM nodes
//   drag task     the longest main-thread task (Long Tasks API, ≥ 50 ms, else "< 50")
//                 between mouse down and mouse up while a card is dragged to the next column
//   drag settle   mouse up → the card shows in the new column, no API call in flight, and
//                 the main thread idle (no frame longer than 50 ms) for 300 ms after
//   keyboard      first key (Space) → settled, for Space, ArrowRight, Space on a card
//   search        last key of "chart" typed into search → only matching cards shown, settled
//   INP-like      the longest Event Timing interaction (interactionId > 0) in each scenario
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const repoRoot = new URL('../../', import.meta.url).pathname
const args = process.argv.slice(2)
const opt = (name, def) => {
  const i = args.indexOf('--' + name)
  return i >= 0 ? args[i + 1] : def
}
const sizes = opt('sizes', '1000,5000').split(',').map(Number)
const runs = Number(opt('runs', '3'))
const wantLighthouse = !args.includes('--no-lighthouse')
const jsonOut = opt('json', '')
const lighthouseReport = opt('lighthouse-report', '')
const lighthouseRuns = Math.max(1, Number(opt('lighthouse-runs', '1')))
const pgURL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
const admin = { email: 'bench@example.com', name: 'Bench Admin', password: 'bench-password-123' }

function psql(sql) {
  execFileSync('psql', [pgURL + '/postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'inherit'] })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-uibench-'))
  let bin = process.env.CLOSELOOP_BIN
  if (!bin) {
    bin = join(dir, 'closeloop')
    execFileSync('go', ['build', '-o', bin, './cmd/closeloop'], { cwd: repoRoot, stdio: 'inherit' })
  }
  const db = `closeloop_uibench_${process.pid}`
  psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
  psql(`CREATE DATABASE ${db}`)
  const port = await freePort()
  const env = { ...process.env, DATABASE_URL: `${pgURL}/${db}?sslmode=disable`, CLOSELOOP_ADDR: `127.0.0.1:${port}`,
    CLOSELOOP_BASE_URL: `http://127.0.0.1:${port}`, CLOSELOOP_DATA_DIR: join(dir, 'data'), CLOSELOOP_LOG_LEVEL: 'warn' }
  execFileSync(bin, ['admin', 'create', '--email', admin.email, '--name', admin.name, '--password-stdin'],
    { env, input: admin.password + '\n', stdio: ['pipe', 'pipe', 'pipe'] })
  const token = execFileSync(bin, ['token', 'create', '--name', 'ui bench', '--role', 'admin'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString().trim().split(/\s+/).pop()
  const proc = spawn(bin, ['serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base + '/readyz')).ok) break
    } catch {
      // not listening yet
    }
    if (i > 150) throw new Error('closeloop did not become ready')
    await new Promise((r) => setTimeout(r, 200))
  }
  const stop = async () => {
    proc.kill('SIGTERM')
    await new Promise((r) => proc.once('exit', r))
    psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
    rmSync(dir, { recursive: true, force: true })
  }
  return { base, token, stop }
}

const words = ['Export', 'Dark mode', 'Slack alerts', 'Bulk edit', 'CSV import', 'Calendar view', 'SSO login', 'Webhooks',
  'Mobile app', 'Offline mode', 'Audit log', 'Custom fields', 'Keyboard shortcuts', 'Email digest', 'API limits', 'Tags']
const extras = ['for admins', 'on the board', 'in reports', 'for teams', 'per project', 'with filters', 'on mobile', 'everywhere']
const labelsOf = [[], ['ui'], ['api'], ['ui', 'enterprise'], [], ['billing'], []]

/** A board with the default columns; cards spread 50/30/20 over Ideas, Planned, In progress; 2% mention "chart". */
async function seedBoard(base, token, n) {
  const call = async (method, path, body) => {
    const r = await fetch(base + '/api/v1' + path, { method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body) })
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
  const board = await call('POST', '/boards', { name: `Bench ${n} cards` })
  const cols = board.columns
  let next = 0
  const t0 = Date.now()
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const col = i % 10 < 5 ? cols[0] : i % 10 < 8 ? cols[1] : cols[2]
      const title = i % 50 === 7 ? `Burn-down chart ${i} ${extras[i % extras.length]}` : `${words[i % words.length]} ${extras[(i >> 4) % extras.length]} #${i}`
      await call('POST', `/boards/${board.id}/cards`, { column_id: col.id, kind: ['idea', 'issue', 'request'][i % 3], title,
        description: i % 3 === 0 ? 'People asked for this in support conversations; see the linked requests.' : undefined,
        labels: labelsOf[i % labelsOf.length] })
    }
  }
  await Promise.all(Array.from({ length: 6 }, worker))
  console.log(`ui bench: seeded ${n} cards through the API in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  return board
}

// Installed before any page script: counts API calls in flight (until their body is read),
// records long tasks and Event Timing interactions, and the first card's appearance.
function instrument() {
  const b = (window.__bench = { inflight: 0, firstCard: 0, long: [], events: [], marks: {} })
  const of = window.fetch.bind(window)
  window.fetch = (...a) => {
    b.inflight++
    let done = false
    const fin = () => {
      if (!done) {
        done = true
        b.inflight--
      }
    }
    return of(...a).then(
      (res) => {
        if (res.status === 204 || !res.body) fin()
        const text = res.text.bind(res)
        const json = res.json.bind(res)
        res.text = () => text().finally(fin)
        res.json = () => json().finally(fin)
        return res
      },
      (e) => {
        fin()
        throw e
      },
    )
  }
  new PerformanceObserver((l) => b.long.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.interactionId) b.events.push({ start: e.startTime, duration: e.duration, name: e.name })
  }).observe({ type: 'event', durationThreshold: 16, buffered: true })
  const seen = () => {
    if (!b.firstCard && document.querySelector('[data-card-id]')) b.firstCard = performance.now()
    else if (!b.firstCard) requestAnimationFrame(seen)
  }
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-card-id]')) {
      if (!b.firstCard) b.firstCard = performance.now()
      obs.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
  requestAnimationFrame(seen)
  for (const type of ['mousedown', 'mouseup', 'keydown'])
    window.addEventListener(type, (e) => {
      const k = type + 'At'
      b.marks[k] = b.marks[k] ?? []
      b.marks[k].push(e.timeStamp)
    }, true)
}

/** In the page: waits until cond() holds, no API call is in flight and no frame is longer than 50 ms, for 300 ms; returns when that began. */
function settle(spec) {
  // The page's CSP forbids eval: the condition is data, not code.
  const cond = () => {
    if (spec.card) return !!document.querySelector(`section[data-column="${spec.column}"] [data-card-id="${spec.card}"]`) && !document.querySelector('.card-overlay')
    if (spec.search) {
      const t = [...document.querySelectorAll('[data-card-id] .card-title')]
      return t.length > 0 && t.every((e) => e.textContent.toLowerCase().includes(spec.search))
    }
    return true
  }
  return new Promise((resolve) => {
    let last = performance.now()
    let good = 0
    const deadline = last + 60000
    const frame = (now) => {
      const quiet = now - last <= 50 && window.__bench.inflight === 0 && cond()
      last = now
      if (!quiet) good = 0
      else if (!good) good = now
      if (good && now - good >= 300) return resolve(good)
      if (now > deadline) {
        const el = spec.card && document.querySelector(`[data-card-id="${spec.card}"]`)
        const shown = [...document.querySelectorAll('[data-card-id] .card-title')].slice(0, 5).map((e) => e.textContent)
        console.warn(`settle timed out: condition ${cond()}, in flight ${window.__bench.inflight}, card in ${el?.closest('section')?.dataset.column}, ` +
          `overlay ${!!document.querySelector('.card-overlay')}, shown ${shown.join(' / ')}`)
        return resolve(-1)
      }
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
}

const quietSrc = {}

async function measureRun(browser, base, board) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const r = await context.request.post(base + '/api/v1/session', { data: { email: admin.email, password: admin.password } })
  if (!r.ok()) throw new Error('sign in: ' + r.status())
  await context.addInitScript(instrument)
  context.setDefaultTimeout(60000)
  const page = await context.newPage()
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('settle') && console.log('ui bench: ' + m.text()))
  const step = (what) => process.env.BENCH_VERBOSE && console.log('ui bench:   ' + what)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const out = {}

  await page.goto(`${base}/boards/${board.id}`)
  await page.waitForFunction(() => window.__bench.firstCard > 0, null, { timeout: 60000 })
  out.open = await page.evaluate(() => window.__bench.firstCard)
  await page.evaluate(settle, quietSrc)
  await page.waitForTimeout(300)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  out.heapMB = heap.usedSize / 1e6
  out.domNodes = metrics.Nodes
  out.elements = await page.evaluate(() => document.getElementsByTagName('*').length)
  out.cardsInDom = await page.evaluate(() => document.querySelectorAll('[data-card-id]').length)

  const col = (name) => page.locator(`section[data-column="${name}"]`)
  const interactionSince = (since) => page.evaluate((s) => Math.max(0, ...window.__bench.events.filter((e) => e.start >= s).map((e) => e.duration)), since)

  step('loaded')
  // Mouse drag: the first card of Ideas onto the first card of Planned.
  {
    const src = col('Ideas').locator('[data-card-id]').first()
    const id = await src.getAttribute('data-card-id')
    const from = await src.boundingBox()
    const to = await col('Planned').locator('[data-card-id]').first().boundingBox()
    const before = await page.evaluate(() => performance.now())
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 2 })
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 10, { steps: 12 })
    await page.waitForTimeout(100)
    await page.mouse.up()
    const cond = { card: id, column: 'Planned' }
    const settled = await page.evaluate(settle, cond)
    const m = await page.evaluate((s) => {
      const b = window.__bench
      const down = b.marks.mousedownAt.filter((t) => t >= s)[0]
      const up = b.marks.mouseupAt.filter((t) => t >= s)[0]
      return { down, up, long: Math.max(0, ...b.long.filter((l) => l.start + l.duration >= down && l.start <= up).map((l) => l.duration)) }
    }, before)
    out.dragLongTask = m.long
    out.dragSettle = settled < 0 ? NaN : settled - m.up
    out.dragINP = await interactionSince(before)
  }

  step('dragged')
  // Keyboard: Space, ArrowRight, Space on the first card of Ideas.
  {
    const src = col('Ideas').locator('[data-card-id]').first()
    const id = await src.getAttribute('data-card-id')
    await src.locator('[role=button]').first().focus()
    await page.waitForTimeout(200)
    const before = await page.evaluate(() => performance.now())
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    const cond = { card: id, column: 'Planned' }
    const settled = await page.evaluate(settle, cond)
    const first = await page.evaluate((s) => window.__bench.marks.keydownAt.filter((t) => t >= s)[0], before)
    out.keyboard = settled < 0 ? NaN : settled - first
    out.keyboardINP = await interactionSince(before)
  }

  step('keyboard moved')
  // Search: type "chart" like a person (60 ms between keys).
  {
    const box = page.getByRole('searchbox', { name: 'Search cards' })
    await box.click()
    await page.waitForTimeout(200)
    const before = await page.evaluate(() => performance.now())
    await page.keyboard.type('chart', { delay: 60 })
    const cond = { search: 'chart' }
    const settled = await page.evaluate(settle, cond)
    const last = await page.evaluate((s) => window.__bench.marks.keydownAt.filter((t) => t >= s).at(-1), before)
    out.search = settled < 0 ? NaN : settled - last
    out.searchINP = await interactionSince(before)
  }
  await context.close()
  return out
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const rows = [
  ['open → first card visible', 'open', 'ms', 500],
  ['JS heap after load', 'heapMB', 'MB', 40],
  ['DOM nodes after load', 'domNodes', '', 10000],
  ['elements / card tiles in the DOM', 'elements', '', null],
  ['mouse drag: longest main-thread task', 'dragLongTask', 'ms', 100],
  ['mouse drag: release → settled', 'dragSettle', 'ms', 150],
  ['mouse drag: longest interaction (INP-like)', 'dragINP', 'ms', 200],
  ['keyboard move: first key → settled', 'keyboard', 'ms', 300],
  ['keyboard move: longest interaction (INP-like)', 'keyboardINP', 'ms', 200],
  ['search "chart": last key → filtered', 'search', 'ms', 400],
  ['search: longest interaction (INP-like)', 'searchINP', 'ms', 200],
]

function fmt(key, v, all) {
  if (!Number.isFinite(v)) return 'failed'
  if (key === 'dragLongTask' && v === 0) return '< 50 ms'
  if (key === 'elements') return `${Math.round(v)} / ${Math.round(median(all.map((r) => r.cardsInDom)))}`
  if (key === 'heapMB') return v.toFixed(1) + ' MB'
  if (key === 'domNodes') return Math.round(v).toLocaleString('en')
  return Math.round(v) + ' ms'
}

async function lighthouse(base, board) {
  const lhDir = process.env.LIGHTHOUSE_DIR
  const lhMain = lhDir && join(lhDir, 'node_modules/lighthouse/core/index.js')
  if (!lhMain || !existsSync(lhMain)) {
    console.log('ui bench: Lighthouse not installed (make bench-ui installs lighthouse@12.2.3 under .bench/lighthouse); skipped')
    return null
  }
  const { default: run } = await import(lhMain)
  const { launch } = await import(join(lhDir, 'node_modules/chrome-launcher/dist/index.js'))
  const session = await fetch(base + '/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }) })
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const all = []
  const failed = []
  for (let i = 0; i < lighthouseRuns; i++) {
    const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs })
    try {
      const res = await run(`${base}/boards/${board.id}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
        extraHeaders: { Cookie: cookie } })
      const a = res.lhr.audits
      // A run Lighthouse could not finish (its runtimeError, a null score) is said and left out
      // of the median: counting it as 0 would pull the median down for a reason not the page's.
      if (res.lhr.runtimeError || res.lhr.categories.performance.score == null) {
        failed.push(res.lhr.runtimeError?.code ?? 'no score')
        console.log(`ui bench: Lighthouse run ${i + 1} failed: ${res.lhr.runtimeError?.code ?? 'no score'} ${res.lhr.runtimeError?.message ?? ''}`)
        continue
      }
      const r = { score: res.lhr.categories.performance.score, tbt: a['total-blocking-time'].numericValue, lcp: a['largest-contentful-paint'].numericValue,
        fcp: a['first-contentful-paint'].numericValue, cls: a['cumulative-layout-shift'].numericValue, si: a['speed-index'].numericValue, report: res.report }
      if (lighthouseRuns > 1)
        console.log(`ui bench: Lighthouse run ${i + 1}: performance ${Math.round(r.score * 100)}, TBT ${Math.round(r.tbt)} ms, LCP ${Math.round(r.lcp)} ms, FCP ${Math.round(r.fcp)} ms`)
      all.push(r)
    } finally {
      await chrome.kill()
    }
  }
  if (all.length === 0) throw new Error(`every Lighthouse run failed (${failed.join(', ')})`)
  const mid = [...all].sort((x, y) => x.score - y.score)[(all.length - 1) >> 1]
  // The whole report (TBT's long tasks, unused JS, render-blocking CSS/fonts) for finding why.
  if (lighthouseReport) writeFileSync(lighthouseReport, mid.report)
  delete mid.report
  return { ...mid, runs: all.length, failed: failed.length, scores: all.map((r) => r.score) }
}

const server = await startServer()
const results = {}
try {
  const boards = {}
  for (const n of sizes) boards[n] = await seedBoard(server.base, server.token, n)
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  try {
    for (const n of sizes) {
      const all = []
      for (let i = 0; i < runs; i++) {
        const r = await measureRun(browser, server.base, boards[n])
        console.log(`ui bench: ${n} cards, run ${i + 1}: ` + rows.map(([, k]) => `${k}=${Math.round(r[k] * 10) / 10}`).join(' '))
        all.push(r)
      }
      results[n] = all
    }
  } finally {
    await browser.close()
  }
  if (wantLighthouse && sizes.includes(1000)) results.lighthouse = await lighthouse(server.base, boards[1000])
} finally {
  await server.stop()
}

console.log(`\nUI (Chromium ${chromiumPath}, 1280×800, median of ${runs} runs)\n`)
console.log(['measure', ...sizes.map((n) => `${n.toLocaleString('en')} cards`), 'target (largest)'].join(' | '))
for (const [label, key, , target] of rows) {
  const cells = sizes.map((n) => fmt(key, median(results[n].map((r) => r[key])), results[n]))
  const big = median(results[sizes.at(-1)].map((r) => r[key]))
  const verdict = target == null ? '' : `≤ ${target.toLocaleString('en')}${key === 'heapMB' ? ' MB' : key === 'domNodes' ? '' : ' ms'} ${big <= target ? 'met' : 'MISSED'}`
  console.log([label, ...cells, verdict].join(' | '))
}
if (results.lighthouse) {
  const l = results.lighthouse
  console.log(`Lighthouse mobile, 1,000 cards${l.runs > 1 ? `, the median of ${l.runs} runs (${l.scores.map((x) => Math.round(x * 100)).join(', ')})` : ''}${l.failed ? ` (${l.failed} more failed, left out)` : ''}: ` +
    `performance ${Math.round(l.score * 100)} (target ≥ 90 ${l.score >= 0.9 ? 'met' : 'MISSED'}), ` +
    `TBT ${Math.round(l.tbt)} ms, LCP ${Math.round(l.lcp)} ms, FCP ${Math.round(l.fcp)} ms, CLS ${l.cls.toFixed(3)}`)
}
if (jsonOut) {
  // What closeloop-bench adds to its table (figure, measured, target, met; no target: for context).
  const big = sizes.at(-1)
  results.checks = rows.map(([label, key, , target]) => ({
    figure: `UI ${label}, ${big.toLocaleString('en')} cards`,
    measured: fmt(key, median(results[big].map((r) => r[key])), results[big]),
    target: target == null ? '' : `≤ ${target.toLocaleString('en')}${key === 'heapMB' ? ' MB' : key === 'domNodes' ? '' : ' ms'}`,
    met: target == null || median(results[big].map((r) => r[key])) <= target,
  }))
  if (results.lighthouse) {
    const l = results.lighthouse
    results.checks.push({ figure: 'UI Lighthouse mobile performance, 1,000 cards', measured: `${Math.round(l.score * 100)} (TBT ${Math.round(l.tbt)} ms)`, target: '≥ 90', met: l.score >= 0.9 })
  } else if (wantLighthouse) results.checks.push({ figure: 'UI Lighthouse mobile performance, 1,000 cards', measured: 'not measured (lighthouse not installed)', target: '≥ 90', met: false })
  writeFileSync(jsonOut, JSON.stringify(results, null, 2))
}
