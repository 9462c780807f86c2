import type { Card, CardPatch, Kind } from '../api/types'
import { parseLabels } from './labels'

// The card editor's form as plain data, and what a conflict does with it: the fields a person
// changed are theirs to keep, whatever someone else saved meanwhile.

export interface CardForm {
  title: string
  description: string
  kind: Kind
  /** As typed: one comma-separated line. */
  labels: string
}

export type Field = keyof CardForm
const fields: Field[] = ['title', 'description', 'kind', 'labels']

export const fieldName: Record<Field, string> = { title: 'title', description: 'description', kind: 'kind', labels: 'labels' }

export function formOf(card: Card): CardForm {
  return { title: card.title, description: card.description, kind: card.kind, labels: card.labels.join(', ') }
}

/** The fields where `form` differs from `base` (labels compared as the list they mean). */
export function changedFields(form: CardForm, base: CardForm): Field[] {
  return fields.filter((f) =>
    f === 'labels' ? parseLabels(form.labels).join('\n') !== parseLabels(base.labels).join('\n') : form[f] !== base[f],
  )
}

/** The person's changes (form against the version they started from) applied to a newer version. */
export function rebase(form: CardForm, startedFrom: Card, newer: Card): CardForm {
  const mine = new Set(changedFields(form, formOf(startedFrom)))
  const next = formOf(newer)
  return {
    title: mine.has('title') ? form.title : next.title,
    description: mine.has('description') ? form.description : next.description,
    kind: mine.has('kind') ? form.kind : next.kind,
    labels: mine.has('labels') ? form.labels : next.labels,
  }
}

export function patchOf(form: CardForm): CardPatch {
  return { title: form.title.trim(), description: form.description, kind: form.kind, labels: parseLabels(form.labels) }
}
