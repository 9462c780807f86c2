import type { ReactNode } from 'react'
import { useModal } from './useModal'

/**
 * A side panel over the board, as a modal <dialog>: Escape, the backdrop or the owner's close
 * button call onClose (which may ask first); focus returns to the card after.
 */
export function Drawer({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  const ref = useModal(onClose, { focusSelf: true })
  return (
    <dialog ref={ref} className="drawer" aria-label={label} tabIndex={-1}>
      <div className="drawer-box">{children}</div>
    </dialog>
  )
}
