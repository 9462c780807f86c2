import { useId, type ReactElement, cloneElement, type ReactNode } from 'react'

interface FieldProps {
  label: string
  error?: string
  hint?: ReactNode
  optional?: boolean
  /** The one input, select or textarea; it gets the id and error wiring. */
  children: ReactElement<Record<string, unknown>>
}

/** A labelled input whose API error sits right under it and is announced with it. */
export function Field({ label, error, hint, optional, children }: FieldProps) {
  const id = useId()
  const errId = id + '-err'
  const hintId = id + '-hint'
  const describedBy = [error ? errId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={'field' + (error ? ' field-invalid' : '')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errId} role="alert">
          {error}
        </div>
      )}
    </div>
  )
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  )
}
