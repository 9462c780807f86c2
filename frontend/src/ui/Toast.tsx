import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTopModal } from './modalStack'

type Tone = 'info' | 'error' | 'success'
/** A button in the toast, such as Undo; pressing it runs it and closes the toast. */
export interface ToastAction {
  label: string
  run: () => void
}
interface Toast {
  id: number
  text: string
  tone: Tone
  action?: ToastAction
}

const ToastContext = createContext<(text: string, tone?: Tone, action?: ToastAction) => void>(() => {})

/**
 * Short messages at the bottom of the screen, announced to screen readers. While a modal is
 * open they render inside it: everything outside a modal is inert, hidden and unannounced.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)
  const host = useTopModal()
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), [])
  const push = useCallback(
    (text: string, tone: Tone = 'info', action?: ToastAction) => {
      const id = next.current++
      setToasts((ts) => [...ts.slice(-3), { id, text, tone, action }])
      // A toast one can act on stays long enough to reach its button.
      window.setTimeout(() => dismiss(id), tone === 'error' || action ? 8000 : 4500)
    },
    [dismiss],
  )
  const value = useMemo(() => push, [push])
  const list = (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={'toast toast-' + t.tone}>
          <span>{t.text}</span>
          {t.action && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                dismiss(t.id)
                t.action?.run()
              }}
            >
              {t.action.label}
            </button>
          )}
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
  return (
    <ToastContext.Provider value={value}>
      {children}
      {host ? createPortal(list, host) : list}
    </ToastContext.Provider>
  )
}

export const useToast = () => useContext(ToastContext)
