import { afterEach } from 'vitest'
import { cleanup, configure } from '@testing-library/react'

afterEach(() => cleanup())

// findBy… waits up to 5 s instead of 1 s: on a loaded 2-core CI machine a mocked round trip
// through React Query can take longer than a second. A ceiling, not a target.
configure({ asyncUtilTimeout: 5000 })

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
