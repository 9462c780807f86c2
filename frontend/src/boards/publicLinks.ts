// A public board's addresses and the rule its slug follows (the server's, so a typo is
// named before saving; the server still decides).

export const maxSlug = 60
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** What is wrong with a slug as typed, or null. Empty is allowed: the server makes one from the name. */
export function slugProblem(slug: string): string | null {
  const s = slug.trim()
  if (s === '') return null
  if (s.length > maxSlug) return `Use at most ${maxSlug} characters.`
  if (/[A-Z]/.test(s)) return 'Use lowercase letters only.'
  if (/\s/.test(s)) return 'Use hyphens instead of spaces, e.g. product-roadmap.'
  if (/--/.test(s) || s.startsWith('-') || s.endsWith('-')) return 'Hyphens go between words, one at a time.'
  if (!slugPattern.test(s)) return 'Use lowercase letters (a–z), digits and hyphens only.'
  return null
}

/** A slug made from a name, as the server would make it: "Product Roadmap 2026!" → "product-roadmap-2026". */
export function slugFrom(name: string): string {
  let out = ''
  let dash = false
  for (const ch of name.toLowerCase()) {
    if (/[a-z0-9]/.test(ch)) {
      if (dash && out) out += '-'
      out += ch
      dash = false
    } else if (!/[\p{L}\p{M}]/u.test(ch)) dash = true // letters of other scripts are dropped
  }
  return out.slice(0, maxSlug).replace(/-+$/, '')
}

export function publicLinks(slug: string, origin = window.location.origin) {
  const roadmap = `${origin}/roadmap/${encodeURIComponent(slug)}`
  return { roadmap, changelog: roadmap + '/changelog', feed: roadmap + '/feed.atom' }
}
