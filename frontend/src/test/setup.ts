import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'

afterEach(() => cleanup())

// jsdom has <dialog> but not its modal methods. This stand-in only opens and closes it; what the
// browser adds (top layer, focus kept inside, inert page behind) is checked in Chromium (e2e/).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- lib.dom says it always exists; jsdom disagrees
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}
