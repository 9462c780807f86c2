import { putHandoff, takeHandoff } from '../ui/handoff'

// A board shortcut that opens a card says where the drawer puts the focus: `e` on the title,
// `m` on the Move form's column. Handed over once, in memory.

export type DrawerPart = 'edit' | 'move'
const key = 'card-drawer-focus'

export function openCardAt(cardId: string, part: DrawerPart) {
  putHandoff(key, { cardId, part })
}

/** The part the drawer of this card should focus, once. */
export function takeDrawerFocus(cardId: string): DrawerPart | null {
  const f = takeHandoff<{ cardId: string; part: DrawerPart }>(key)
  return f && f.cardId === cardId ? f.part : null
}

/** Where each part's field is in the drawer. */
export const partSelector: Record<DrawerPart, string> = { edit: '.title-input', move: '[data-move-column]' }
