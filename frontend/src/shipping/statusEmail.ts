// Status-change emails: which moves can tell the requesters, and in whose words.
import type { Column, Stage } from '../api/types'

/** Stages whose moves can email the card's requesters (opt-in per move; done always emails). */
export function emailsOnMove(stage: Stage): boolean {
  return stage === 'planned' || stage === 'in_progress' || stage === 'declined'
}

/** Whether a move of a card with n requesters into col offers the email at all. */
export function offersStatusEmail(col: Column | undefined, n: number): col is Column {
  return !!col && emailsOnMove(col.stage) && n > 0
}

/** The checkbox's words. */
export function emailLabel(n: number): string {
  return `Email the ${n} ${n === 1 ? 'person' : 'people'} who asked`
}

/** The note field's label: a declined card's requesters deserve the reason. */
export function noteLabel(stage: Stage): string {
  return stage === 'declined' ? 'Tell them why' : 'Note'
}

export function noteHint(stage: Stage): string {
  return stage === 'declined'
    ? 'Goes into the email: why it will not happen, honestly, and what they can do instead.'
    : 'Goes into the email: what to expect, without promising a date you cannot keep.'
}
