// Prints the gzipped size of every built JS file and fails when the total passes the budget,
// or when what the first page load downloads (the entry and the chunks index.html preloads;
// the screens and dialogs loaded on demand are not in it) passes its own budget.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const budget = 250 * 1024
const firstLoadBudget = 140 * 1024
const dist = new URL('../dist/', import.meta.url).pathname
const dir = join(dist, 'assets')
const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const firstLoad = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]))
let total = 0
let first = 0
for (const f of files) {
  const raw = readFileSync(join(dir, f))
  const gz = gzipSync(raw, { level: 9 }).length
  total += gz
  if (firstLoad.has(f)) first += gz
  console.log(`${f}  ${(raw.length / 1024).toFixed(1)} kB raw  ${(gz / 1024).toFixed(1)} kB gzip${firstLoad.has(f) ? '  (first load)' : ''}`)
}
console.log(`total JS: ${(total / 1024).toFixed(1)} kB gzip (budget ${budget / 1024} kB)`)
console.log(`first load JS: ${(first / 1024).toFixed(1)} kB gzip in ${firstLoad.size} files (budget ${firstLoadBudget / 1024} kB)`)
if (files.length === 0 || total > budget || firstLoad.size === 0 || first > firstLoadBudget) {
  console.error(files.length === 0 || firstLoad.size === 0 ? 'no JS built' : total > budget ? 'JS bundle is over budget' : 'first load JS is over budget')
  process.exit(1)
}
