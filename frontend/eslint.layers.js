// The import direction of src/ (README "Layout"), checked by ESLint: shared folders know no
// feature, and a feature does not reach into a sibling feature. A rule here failing means a
// helper wants to move to a shared folder, not that the rule wants an exception.

const features = ['boards', 'cards', 'shipping', 'requesters', 'admin', 'support', 'integrations', 'settings', 'satisfaction', 'profile']

function rule(folder, forbidden, why) {
  const pattern = { regex: `^\\.\\./(${forbidden.join('|')})(/|$)`, message: `src/${folder}/ ${why} (frontend/README.md, "Layout").` }
  return { 'no-restricted-imports': ['error', { patterns: [pattern] }] }
}

/**
 * Forbids relative imports of the named top-level folders of src/ from files in `folder`.
 * Only tests may use the test harness (src/test/).
 */
function mayNotImport(folder, forbidden, why) {
  const tests = `src/${folder}/**/*.test.{ts,tsx}`
  return [
    { files: [`src/${folder}/**/*.{ts,tsx}`], ignores: [tests], rules: rule(folder, [...forbidden, 'test'], why) },
    { files: [tests], rules: rule(folder, forbidden, why) },
  ]
}

export const layering = [
  ...mayNotImport('api', ['ui', 'auth', 'app', ...features], 'talks to the API and imports nothing else of the app'),
  ...mayNotImport('ui', ['auth', 'app', ...features], 'holds building blocks that know no feature'),
  ...mayNotImport('auth', ['app', ...features], 'knows no screen or feature'),
  ...mayNotImport('shipping', ['boards', 'cards', 'requesters', 'admin'], 'is shared by the board and the drawer, so it imports neither'),
  ...mayNotImport('cards', ['boards', 'requesters', 'admin'], 'is hosted by the board page and must not import it'),
  ...mayNotImport('boards', ['requesters', 'admin'], 'does not import other screens'),
  ...mayNotImport('requesters', ['boards', 'cards', 'admin'], 'does not import other screens'),
  ...mayNotImport('admin', ['boards', 'cards', 'shipping', 'requesters', 'support', 'integrations'], 'does not import other screens'),
  // The support page hosts nothing but the form's draft key from cards/.
  ...mayNotImport('support', ['boards', 'requesters', 'admin', 'integrations'], 'does not import other screens'),
  ...mayNotImport('integrations', ['boards', 'requesters', 'admin'], 'does not import other screens'),
  ...mayNotImport('settings', ['boards', 'cards', 'requesters', 'admin', 'integrations'], 'does not import other screens'),
  ...mayNotImport('profile', ['boards', 'cards', 'shipping', 'requesters', 'admin', 'support', 'integrations', 'settings', 'satisfaction'], 'does not import other screens'),
  ...mayNotImport('satisfaction', ['boards', 'cards', 'shipping', 'requesters', 'admin', 'support', 'integrations', 'settings'], 'is hosted by the board page and the drawer, so it imports neither'),
]
