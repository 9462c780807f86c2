import type { Reaction } from '../api/types'

/** The answers as the email and its page word them. */
export const answerName: Record<Reaction['answer'], string> = { yes: 'Yes', no: 'Not quite' }

/** The share of yes in whole percent, or null when nobody answered. */
export function shareOfYes(yes: number, no: number): number | null {
  return yes + no === 0 ? null : Math.round((100 * yes) / (yes + no))
}
