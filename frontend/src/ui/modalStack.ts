import { useSyncExternalStore } from 'react'

// The modal dialogs open right now, oldest first. A modal makes everything outside it inert
// (also to screen readers), so whatever must stay visible and announced while one is open —
// the toasts — renders inside the topmost one.

let stack: HTMLDialogElement[] = []
const listeners = new Set<() => void>()
const changed = () => listeners.forEach((l) => l())

export function pushModal(dialog: HTMLDialogElement) {
  stack = [...stack, dialog]
  changed()
}

export function removeModal(dialog: HTMLDialogElement) {
  stack = stack.filter((d) => d !== dialog)
  changed()
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The topmost open modal, or null when none is open. */
export function useTopModal(): HTMLDialogElement | null {
  return useSyncExternalStore(subscribe, () => stack[stack.length - 1] ?? null)
}
