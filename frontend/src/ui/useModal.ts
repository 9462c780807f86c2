import { useEffect, useEffectEvent, useRef } from 'react'
import { pushModal, removeModal } from './modalStack'

/**
 * Shows a <dialog> with showModal() for as long as the component is mounted: the browser puts
 * it in the top layer, keeps focus inside it and makes the page behind inert. Escape, the
 * browser's own close request and a press on the backdrop all become one `onDismiss` call, and
 * the owner decides whether it closes (it may ask first) by unmounting it. Focus then returns
 * to where it was.
 */
export function useModal(onDismiss: () => void, { focusSelf = false } = {}) {
  const ref = useRef<HTMLDialogElement>(null)
  const dismiss = useEffectEvent(onDismiss)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    if (focusSelf) dialog.focus()
    else focusFirst(dialog)
    pushModal(dialog)

    // Escape is handled here rather than by the browser, so the owner can keep the dialog open
    // (Chromium lets a page refuse the native close request only once per user gesture).
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      e.preventDefault()
      e.stopPropagation()
      dismiss()
    }
    const onCancel = (e: Event) => {
      e.preventDefault()
      dismiss()
    }
    // A press on the backdrop targets the dialog element but lands outside its box.
    const onPointerDown = (e: PointerEvent) => {
      const r = dialog.getBoundingClientRect()
      const outside = e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom
      if (e.target === dialog && outside) dismiss()
    }
    dialog.addEventListener('keydown', onKeyDown)
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('pointerdown', onPointerDown)
    return () => {
      dialog.removeEventListener('keydown', onKeyDown)
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('pointerdown', onPointerDown)
      removeModal(dialog)
      dialog.close()
      if (previous && document.contains(previous)) previous.focus()
    }
  }, [focusSelf])

  return ref
}

/** The field to fill first, else the first action (not the × in the corner), else the dialog. */
function focusFirst(dialog: HTMLDialogElement) {
  const target = dialog.querySelector<HTMLElement>('[data-autofocus], input, textarea, select, button:not([data-dismiss])')
  ;(target ?? dialog).focus()
}
