// The board's keyboard shortcuts, as pure rules: which key means what (never while typing or
// with a modifier; editing keys only for those who may edit), and where an arrow goes.

export type Shortcut = 'help' | 'new' | 'edit' | 'move' | 'archive' | 'up' | 'down' | 'left' | 'right'

interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  target: EventTarget | null
}

/** A text field, a select or contenteditable has the keys: shortcuts stay out of its way. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.tagName !== 'string') return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || (typeof el.closest === 'function' && !!el.closest('[contenteditable=""], [contenteditable="true"]'))
}

const reading: Record<string, Shortcut> = { '?': 'help', ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
const editing: Record<string, Shortcut> = { n: 'new', e: 'edit', m: 'move', a: 'archive' }

/** The shortcut a key press means on the board, or null (Shift is allowed: `?` needs it). */
export function shortcutOf(e: KeyLike, canEdit: boolean): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null
  return reading[e.key] ?? (canEdit ? (editing[e.key] ?? null) : null)
}

/** A card's place on the board: its column (0 first, board order) and index among the column's loaded cards. */
export interface Spot {
  column: number
  index: number
}

/**
 * Where an arrow goes from `at`, given how many cards each column has loaded: up and down stay
 * in the column (stopping at its ends), left and right go to the nearest column that has cards,
 * at the same row or its last card. From nowhere, any arrow goes to the first card of the board.
 */
export function step(counts: number[], at: Spot | null, dir: 'up' | 'down' | 'left' | 'right'): Spot | null {
  if (!at) {
    const first = counts.findIndex((n) => n > 0)
    return first < 0 ? null : { column: first, index: 0 }
  }
  const n = counts[at.column] ?? 0
  if (dir === 'up') return n > 0 ? { column: at.column, index: Math.max(0, Math.min(at.index, n - 1) - 1) } : null
  if (dir === 'down') return n > 0 ? { column: at.column, index: Math.min(n - 1, at.index + 1) } : null
  const d = dir === 'left' ? -1 : 1
  for (let c = at.column + d; c >= 0 && c < counts.length; c += d) {
    const m = counts[c] ?? 0
    if (m > 0) return { column: c, index: Math.min(at.index, m - 1) }
  }
  return null
}

/** What the `?` sheet lists, for readers and for those who may edit. */
/** `combo`: the keys are pressed together (Ctrl + K); otherwise each alone does it. */
export function shortcutSheet(canEdit: boolean): { keys: string[]; what: string; combo?: boolean }[] {
  const read = [
    { keys: ['/'], what: 'Search every board' },
    { keys: ['Ctrl', 'K'], what: 'Search every board (anywhere)', combo: true },
    { keys: ['←', '→'], what: 'Go to the card in the column to the left or right' },
    { keys: ['↑', '↓'], what: 'Go to the card above or below' },
    { keys: ['Enter'], what: 'Open the card' },
    { keys: ['Esc'], what: 'Close the card, a dialog or the search' },
    { keys: ['?'], what: 'Show these shortcuts' },
  ]
  if (!canEdit) return read
  return [
    ...read.slice(0, 5),
    { keys: ['n'], what: 'New card in this column' },
    { keys: ['e'], what: 'Edit the card' },
    { keys: ['m'], what: 'Move the card to another column or board' },
    { keys: ['a'], what: 'Archive the card (the message offers Undo)' },
    { keys: ['Space'], what: 'Pick the card up; arrows move it, Space drops it, Esc cancels' },
    ...read.slice(5),
  ]
}
