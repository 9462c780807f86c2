// ESLint for the web app (flat config): typescript-eslint with type information, the React
// hooks rules (including the React Compiler's checks), jsx-a11y, and the import direction of
// the folders (README "Layout"). Run by `npm run lint` and `make lint`.
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { layering } from './eslint.layers.js'

export default tseslint.config(
  { ignores: ['dist/', 'e2e-report/', 'e2e-results/', 'src/api/schema.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The app (tsconfig.json) and the browser test with its config (e2e/tsconfig.json).
      parserOptions: { project: ['./tsconfig.json', './e2e/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (e.g. a key destructured away).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // invalidateQueries settles when the refetch does and never rejects (TanStack swallows
      // refetch errors unless throwOnError is set), so fire-and-forget calls are safe.
      // The API types are generated from api/openapi.json: a fallback for a field it says is
      // always there is dead code (and hides a drift the generated types would show).
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: '@tanstack/query-core', name: 'invalidateQueries' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  ...layering,
  {
    files: ['**/*.{js,mjs}', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  // What index.html runs before the app (a plain script in the browser).
  { files: ['public/**/*.js'], languageOptions: { globals: globals.browser } },
  // The UI benchmark runs in Node and hands functions to the page (page.evaluate).
  { files: ['bench/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
)
