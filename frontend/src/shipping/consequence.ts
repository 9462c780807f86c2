// What shipping a card does, in the words every place that ships one uses.

export function peopleAsked(n: number): string {
  return n === 1 ? '1 person asked for this' : `${n} people asked for this`
}

/** What shipping will do, said plainly before it happens. */
export function shipConsequence(n: number): string {
  if (n === 0) return 'Nobody is linked to this card yet, so no email goes out now. People linked later get the shipped email right away.'
  return `${peopleAsked(n)} — they'll get a shipped email.`
}
