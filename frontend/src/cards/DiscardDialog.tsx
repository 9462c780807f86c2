import { Dialog } from '../ui/Dialog'
import { listOf } from '../ui/unsaved'

/** Asked before the drawer closes over edits nobody saved; keeping them is the default. */
export function DiscardDialog({ edits, onKeep, onDiscard }: { edits: string[]; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Dialog title="Discard your changes?" onClose={onKeep}>
      <div className="stack">
        <p>You changed {listOf(edits)} and did not save. Closing the card drops what you typed.</p>
        <div className="actions">
          <button type="button" className="btn btn-danger-quiet" onClick={onDiscard}>
            Discard changes
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={onKeep}>
            Keep editing
          </button>
        </div>
      </div>
    </Dialog>
  )
}
