import { ApiError } from '../api/client'

export interface FormErrors {
  /** Messages to show next to the named inputs. */
  fields: Record<string, string>
  /** What belongs to no input shown: the API's message, plus fields this form does not have. */
  form: string | null
}

export const noErrors: FormErrors = { fields: {}, form: null }

/**
 * Splits an API failure into per-input messages (the API's `fields`) and one form-level message.
 * Field keys are matched on their first segment, so "labels[2]" lands on the "labels" input.
 */
export function formErrors(err: unknown, inputs: readonly string[]): FormErrors {
  if (!err) return noErrors
  if (!(err instanceof ApiError)) return { fields: {}, form: plain(err) }
  const fields: Record<string, string> = {}
  const stray: string[] = []
  for (const [key, msg] of Object.entries(err.fields)) {
    const input = inputs.find((i) => key === i || key.startsWith(i + '[') || key.startsWith(i + '.'))
    if (input && !fields[input]) fields[input] = msg
    else if (!input) stray.push(`${humanize(key)} ${msg}`)
  }
  const hasFieldMessage = Object.keys(fields).length > 0
  let form: string | null = null
  if (stray.length) form = stray.join('; ')
  else if (!hasFieldMessage) form = describe(err)
  return { fields, form }
}

/** A sentence for a failure that is not about one input. */
export function describe(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 403) return 'Your role does not allow this. Ask an admin if you need it.'
    if (err.status === 412) return 'Someone else changed this card meanwhile. It has been reloaded; please try again.'
    return err.message
  }
  return plain(err)
}

function plain(err: unknown): string {
  if (err instanceof Error) return err.message
  return typeof err === 'string' ? err : 'Something went wrong. Please try again.'
}

function humanize(key: string): string {
  const s = key.replace(/[_.]/g, ' ').replace(/\[(\d+)\]/g, ' $1')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
