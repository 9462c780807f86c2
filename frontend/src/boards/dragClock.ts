// When the last drag on the board ended. The click that ends a mouse drag must not also open
// the card it was dropped on; the board records the end, the card asks before opening.

let endedAt = 0

export function markDragEnded() {
  endedAt = Date.now()
}

export function justDragged(): boolean {
  return Date.now() - endedAt < 250
}
