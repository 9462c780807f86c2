// When the last drag on the board ended. The click that ends a mouse drag must not also open
// the card it was dropped on; the board records the end, the card asks before opening.

let endedAt = 0

export function markDragEnded() {
  endedAt = Date.now()
}

export function justDragged(): boolean {
  return Date.now() - endedAt < 250
}

// A dialog that the drop opened (the ship dialog) took the pointer since: the next click on
// the board is the person's own, not the end of the drag.
export function forgetDrag() {
  endedAt = 0
}
