import { useId, type ReactNode } from 'react'
import { useModal } from './useModal'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  wide?: boolean
}

/** A modal <dialog>: focus moves in and stays, Escape or the backdrop closes, focus goes back after. */
export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useModal(onClose)
  const titleId = useId()
  return (
    <dialog ref={ref} className={'dialog' + (wide ? ' dialog-wide' : '')} aria-labelledby={titleId}>
      <div className="dialog-box">
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-btn" aria-label="Close" data-dismiss onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
