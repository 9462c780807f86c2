import { Dialog } from '../ui/Dialog'
import { shortcutSheet } from './shortcuts'

/** The `?` sheet: every key the board answers to, for this person's role. */
export function ShortcutSheet({ canEdit, onClose }: { canEdit: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcut-sheet">
        {shortcutSheet(canEdit).map((s) => (
          <div key={s.what} className="shortcut-row">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && (s.combo ? ' + ' : ' ')}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">Shortcuts rest while you type in a field.</p>
    </Dialog>
  )
}

/** The line that tells keyboard people the board is theirs too, with the way to the sheet. */
export function KeysHint({ canEdit, onOpen }: { canEdit: boolean; onOpen: () => void }) {
  return (
    <p className="keys-hint hint">
      <span className="keys-hint-text">
        {canEdit ? (
          <>
            <kbd>Space</kbd> to pick up a card, arrows to move it —{' '}
          </>
        ) : (
          <>Arrows go from card to card — </>
        )}
      </span>
      <button type="button" className="btn btn-quiet btn-small" onClick={onOpen} aria-keyshortcuts="?">
        <kbd>?</kbd> Shortcuts
      </button>
    </p>
  )
}
