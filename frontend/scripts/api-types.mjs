// Generates src/api/schema.gen.ts from api/openapi.json (openapi-typescript), or with --check
// regenerates it in memory and fails when the checked-in file differs: the API document is
// the one source of the frontend's API types, and `make lint` catches a drift.
import { readFileSync, writeFileSync } from 'node:fs'
import openapiTS, { astToString } from 'openapi-typescript'

const source = new URL('../../api/openapi.json', import.meta.url)
const target = new URL('../src/api/schema.gen.ts', import.meta.url)
const header = `// Generated from api/openapi.json by scripts/api-types.mjs (npm run gen:api). Do not edit:
// change the API document and regenerate; \`npm run check:api\` (make lint) fails on drift.
/* eslint-disable */
`

const text = header + astToString(await openapiTS(source))

if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    // missing: reported as a drift below
  }
  if (current !== text) {
    console.error('src/api/schema.gen.ts does not match api/openapi.json: run `cd frontend && npm run gen:api` and commit the result.')
    process.exit(1)
  }
  console.log('src/api/schema.gen.ts matches api/openapi.json')
} else {
  writeFileSync(target, text)
  console.log('wrote src/api/schema.gen.ts')
}
