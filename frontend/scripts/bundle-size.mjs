// Prints the gzipped size of every built JS file and fails when the total passes the budget.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const budget = 300 * 1024
const dir = new URL('../dist/assets/', import.meta.url).pathname
const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
let total = 0
for (const f of files) {
  const raw = readFileSync(join(dir, f))
  const gz = gzipSync(raw, { level: 9 }).length
  total += gz
  console.log(`${f}  ${(raw.length / 1024).toFixed(1)} kB raw  ${(gz / 1024).toFixed(1)} kB gzip`)
}
console.log(`total JS: ${(total / 1024).toFixed(1)} kB gzip (budget ${budget / 1024} kB)`)
if (files.length === 0 || total > budget) {
  console.error(files.length === 0 ? 'no JS built' : 'JS bundle is over budget')
  process.exit(1)
}
