import type { Card } from '../api/types'
import { kindName } from '../ui/names'

// How tall a card tile will be, guessed from its text before it is in the page, so that a
// column's virtual list places its first cards right at once (each tile is still measured
// once shown; a wrong guess costs a second pass over the column). The figures follow
// styles.css (.card-list > .card-slot, .card-tile, .card-title, .card-meta): keep them in step.

/** The list insets a tile 8 px each side; the tile has a 1 px border and 10 px padding each side. */
const tileInset = 2 * 8 + 2 * 1 + 2 * 10
/** Border (2 × 1 px), padding (2 × 6 px) and the gap between title and meta row (4 px). */
const frame = 2 + 12 + 4
/** One title line: 0.92rem × line-height 1.3 at the root's 15 px; at most two lines show. */
const titleLine = 0.92 * 15 * 1.3
/** The meta row's text: 0.78rem × line-height 1.45; the owner's avatar is 18 px; a wrapped row adds a 4 px gap. */
const metaLine = 0.78 * 15 * 1.45
const avatar = 18
const metaGap = 4
/** A card shipped to requesters in the last half hour shows its email progress (CardTile): a line more. */
const progressLine = 22
const progressFor = 30 * 60 * 1000

let ctx: CanvasRenderingContext2D | null | undefined
let family = ''
let font = ''
function measurer(): CanvasRenderingContext2D | null {
  if (ctx === undefined) {
    try {
      ctx = document.createElement('canvas').getContext('2d')
      family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif'
    } catch {
      ctx = null
    }
  }
  return ctx
}

// Chips, kinds and numbers repeat from card to card: measured once each.
const widths = new Map<string, number>()

function width(text: string, px: number, weight: number, remember = false): number {
  const k = remember ? `${weight} ${px} ${text}` : ''
  const hit = remember ? widths.get(k) : undefined
  if (hit !== undefined) return hit
  const w = measure(text, px, weight)
  if (remember && widths.size < 5000) widths.set(k, w)
  return w
}

function measure(text: string, px: number, weight: number): number {
  const c = measurer()
  // No canvas (jsdom): an average letter's width.
  if (!c) return text.length * px * 0.55
  const f = `${weight} ${px}px ${family}`
  // Setting a canvas font parses it: only when it changes.
  if (f !== font) c.font = font = f
  return c.measureText(text).width
}

/** One or two lines (the title is clamped at two): words wrap greedily, as the browser does. */
function titleLines(title: string, room: number): number {
  const px = 0.92 * 15
  if (width(title, px, 550) <= room) return 1
  const space = width(' ', px, 550, true)
  let line = 0
  for (const word of title.split(/\s+/)) {
    const w = width(word, px, 550)
    if (line > 0 && line + space + w > room) return 2
    line += (line > 0 ? space : 0) + w
    if (line > room) return 2
  }
  return 1
}

/** The meta row's items side by side (number, kind, labels, then requesters, shipped, owner): how many rows they wrap to. */
function metaLines(card: Card, room: number): number {
  // Chips: 0.7rem with 6 px padding each side; the kind and the shipped badge are bolder than labels.
  const chip = (text: string, weight: number) => width(text, 0.7 * 15, weight, true) + 2 * 6
  const foot =
    13 + 4 + width(String(card.requester_count), 0.78 * 15, 400, true) + (card.shipped_at ? 6 + chip('Shipped', 600) : 0) + (card.owner_id ? 6 + avatar : 0)
  const items = [width('#' + card.number, 0.78 * 15, 400), chip(kindName[card.kind], 600), ...card.labels.map((l) => chip(l, 520)), foot]
  let lines = 1
  let line = 0
  for (const w of items) {
    if (line > 0 && line + 4 + w > room) {
      lines++
      line = w
    } else line += (line > 0 ? 4 : 0) + w
  }
  return lines
}

const cache = new Map<string, { key: string; height: number }>()

/** The tile's height in px in a column whose scroller is `columnWidth` wide (cached per card until it changes). */
export function tileHeight(card: Card | undefined, columnWidth = scrollerGuess().width): number {
  const room = columnWidth - tileInset
  if (!card) return Math.round(frame + titleLine + metaLine)
  const key = [room, card.title, card.number, card.kind, card.labels.join(','), card.requester_count, card.shipped_at, card.owner_id].join('\u0000')
  const hit = cache.get(card.id)
  if (hit?.key === key) return hit.height
  const meta = metaLines(card, room)
  let height = frame + titleLines(card.title, room) * titleLine + (card.owner_id ? Math.max(metaLine, avatar) : metaLine) + (meta - 1) * (metaGap + metaLine)
  if (card.shipped_at && card.requester_count > 0 && Date.now() - new Date(card.shipped_at).getTime() < progressFor) height += progressLine
  height = Math.round(height)
  if (cache.size > 20_000) cache.clear()
  cache.set(card.id, { key, height })
  return height
}

interface Rect {
  width: number
  height: number
}
let known: (Rect & { window: string }) | null = null
// The window's size, kept up to date by its resize events: reading innerWidth/innerHeight while
// React renders would make the browser lay the page out there and then.
let win = { width: window.innerWidth, height: window.innerHeight }
window.addEventListener('resize', () => {
  win = { width: window.innerWidth, height: window.innerHeight }
})
const windowSize = () => `${win.width}x${win.height}`

/**
 * A column's scroller before it is measured: what a column of this window measured (see
 * rememberScroller), else a guess on the short side (too short costs little: the rest of the
 * column is filled in the next pass; too tall would render cards only to drop them).
 */
export function scrollerGuess(): Rect {
  if (known && known.window === windowSize()) return known
  const h = win.height
  return { width: 282, height: Math.max(0, Math.round(Math.min(h - 280, h * 0.48))) }
}

/** The size a full column's scroller has (or will have) in this window. */
export function rememberScroller(rect: Rect) {
  if (rect.width > 0 && rect.height > 0) known = { ...rect, window: windowSize() }
}

/**
 * While a column waits for its first cards: how tall its scroller will be once it is full,
 * from the room the board gives a column and what the column's header and footer take. Read
 * when the browser has laid the empty column out (a ResizeObserver's first call), so that
 * reading sizes does not make it lay the page out early. Returns the way to stop watching.
 */
export function measureEmptyColumn(section: HTMLElement, scroller: HTMLElement): () => void {
  if (typeof ResizeObserver !== 'function') return () => {}
  const ro = new ResizeObserver(() => {
    ro.disconnect()
    const board = section.parentElement?.parentElement // .column-shell, then .columns
    if (!board) return
    const style = getComputedStyle(board)
    const room = board.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
    rememberScroller({ width: scroller.clientWidth, height: room - (section.offsetHeight - scroller.offsetHeight) })
  })
  ro.observe(section)
  return () => ro.disconnect()
}
