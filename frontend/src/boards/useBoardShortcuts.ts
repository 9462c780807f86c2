import { useEffect, useEffectEvent, useRef } from 'react'
import type { Card, Column } from '../api/types'
import { setParam } from '../app/router'
import { openCardAt } from '../cards/drawerFocus'
import { useArchive } from '../cards/useArchive'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { focusCard, focusedCard, focusedColumn, pendingFocus } from './cardFocus'
import { shortcutOf, step, type Spot } from './shortcuts'

interface Options {
  columns: Column[]
  canEdit: boolean
  /** A card is being dragged (mouse or keyboard): the keys are dnd-kit's then. */
  dragging: () => boolean
  /** A column's loaded cards, in the order shown. */
  cardsOf: (columnId: string) => Card[]
  /** The card left the board: drop it from the cached columns at once. */
  removed: (cardId: string) => void
  onHelp: () => void
}

/** The board's keys (see shortcuts.ts and the `?` sheet), on the window while the board is shown. */
export function useBoardShortcuts({ columns, canEdit, dragging, cardsOf, removed, onHelp }: Options) {
  const archive = useArchive()
  const toast = useToast()
  // The column last worked in, for `n` when the focus is elsewhere.
  const lastColumn = useRef<string | null>(null)

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || dragging() || document.querySelector('dialog[open]')) return
    const what = shortcutOf(e, canEdit)
    if (!what) return
    const here = focusedCard()
    if (what === 'help') {
      e.preventDefault()
      onHelp()
      return
    }
    if (what === 'up' || what === 'down' || what === 'left' || what === 'right') {
      // Arrows belong to the board only from a card, a column, or nowhere (the page itself).
      const inColumn = focusedColumn()
      const nowhere = document.activeElement === document.body || document.activeElement === null
      const going = pendingFocus() ?? here
      if (!going && !inColumn && !nowhere) return
      const ids = columns.map((c) => c.id)
      const counts = ids.map((id) => cardsOf(id).length)
      let from: Spot | null = going ? { column: ids.indexOf(going.columnId), index: going.index } : null
      let to: Spot | null
      if (!going && inColumn && counts[ids.indexOf(inColumn)]) to = { column: ids.indexOf(inColumn), index: 0 }
      else {
        if (from && from.column < 0) from = null
        to = step(counts, from, what)
      }
      e.preventDefault()
      if (to && (to.column !== from?.column || to.index !== from.index)) void focusCard(ids[to.column]!, to.index)
      return
    }
    if (what === 'new') {
      const id = focusedColumn() ?? lastColumn.current ?? columns[0]?.id
      const section = id ? document.querySelector<HTMLElement>(`section[data-column-id="${CSS.escape(id)}"]`) : null
      if (!section) return
      e.preventDefault()
      section.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      const input = section.querySelector<HTMLInputElement>('.new-card input')
      if (input) input.focus()
      else section.querySelector<HTMLButtonElement>('.add-card')?.click()
      return
    }
    if (!here) return
    e.preventDefault()
    if (what === 'edit' || what === 'move') {
      openCardAt(here.cardId, what)
      setParam('card', here.cardId)
      return
    }
    // archive: the card leaves, the focus stays in its column, on the card that took its place.
    const card = cardsOf(here.columnId).find((c) => c.id === here.cardId)
    if (!card) return
    archive(card).then(
      async () => {
        removed(card.id)
        // Let the column render without it, so the focus lands on its neighbour, not on it.
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r))
        const left = cardsOf(here.columnId).length
        if (left > 0) void focusCard(here.columnId, Math.min(here.index, left - 1))
      },
      (err: unknown) => toast(`Could not archive “${card.title}”: ${describe(err)}`, 'error'),
    )
  })

  useEffect(() => {
    const onFocus = () => {
      const id = focusedColumn()
      if (id) lastColumn.current = id
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('focusin', onFocus)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('focusin', onFocus)
    }
  }, [])
}
