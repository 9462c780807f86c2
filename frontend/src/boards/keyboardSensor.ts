import { KeyboardSensor, type KeyboardSensorProps } from '@dnd-kit/core'
import { getOwnerDocument } from '@dnd-kit/utilities'

/** What of dnd-kit's sensor this reaches: its bound key handler (an own property) and its detach. */
interface Internals {
  handleKeyDown: (e: KeyboardEvent) => void
  detach: () => void
}

/**
 * dnd-kit's keyboard sensor, reading the keys that move and drop a card from the moment the
 * card is picked up. dnd-kit starts listening only from a timer after the pick-up (so that the
 * Space that picked the card up is not read as its drop too); browsers run key events ahead of
 * timers, so on a busy page a quick ArrowRight and Space reached no one: the card stayed held,
 * or dropped where it was. This listens at once and skips the pick-up event itself. dnd-kit's
 * timer then adds the same function, which the document keeps once.
 */
export class PromptKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(props)
    const self = this as unknown as Internals
    const handle = self.handleKeyDown
    const detach = self.detach.bind(this)
    const doc = getOwnerDocument(props.event.target)
    let done = false
    const onKey = (e: KeyboardEvent) => {
      if (done) {
        // dnd-kit's timer came after the drop: nothing to listen for any more.
        doc.removeEventListener('keydown', onKey)
        return
      }
      if (e !== props.event) handle(e)
    }
    self.handleKeyDown = onKey
    doc.addEventListener('keydown', onKey)
    self.detach = () => {
      done = true
      doc.removeEventListener('keydown', onKey)
      detach()
    }
  }
}
