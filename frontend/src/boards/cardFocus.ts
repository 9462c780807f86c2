// Keyboard focus on a virtualized board: a card far down a column is not in the page until its
// column scrolls to it. Each column registers how to scroll to one of its cards; focusing a
// card scrolls its column there, waits for the tile to render, then focuses it.

type ScrollTo = (index: number) => void
const scrollers = new Map<string, ScrollTo>()

/** Called by a column while it is mounted; returns the unregister. */
export function registerColumn(columnId: string, scrollTo: ScrollTo): () => void {
  scrollers.set(columnId, scrollTo)
  return () => {
    if (scrollers.get(columnId) === scrollTo) scrollers.delete(columnId)
  }
}

const handleOf = (columnId: string, index: number) =>
  document.querySelector<HTMLElement>(`section[data-column-id="${CSS.escape(columnId)}"] li[data-index="${index}"] .card-handle`)

// The card an arrow key asked for that is still being scrolled into the page: the next key
// (a held arrow repeats faster than a far column renders) moves on from there, not from the
// card that still has the focus.
let pending: { columnId: string; index: number } | null = null

/** Where the focus is going while a card is scrolled into the page, if it is. */
export function pendingFocus(): { columnId: string; index: number } | null {
  return pending
}

/** Focuses the column's `index`-th loaded card, scrolling it into view first (a few frames at most). */
export async function focusCard(columnId: string, index: number): Promise<boolean> {
  let el = handleOf(columnId, index)
  const me = (pending = el ? null : { columnId, index })
  if (!el) {
    scrollers.get(columnId)?.(index)
    for (let frame = 0; frame < 30 && !el; frame++) {
      await new Promise((r) => requestAnimationFrame(r))
      // A later key asked for another card: that one is focused instead.
      if (pending !== me) return false
      el = handleOf(columnId, index)
    }
    pending = null
  }
  if (!el) return false
  el.focus({ preventScroll: true })
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  return true
}

/** The card that has the focus: its column and index, from the tile's data attributes. */
export function focusedCard(): { columnId: string; index: number; cardId: string } | null {
  const li = document.activeElement?.closest<HTMLElement>('li[data-card-id]')
  const col = li?.closest<HTMLElement>('section[data-column-id]')
  if (!li || !col) return null
  return { columnId: col.dataset.columnId!, index: Number(li.dataset.index), cardId: li.dataset.cardId! }
}

/** The column the focus is in (a card, its header or its form), if any. */
export function focusedColumn(): string | null {
  const col = document.activeElement?.closest<HTMLElement>('section[data-column-id]')
  return col?.dataset.columnId ?? null
}
