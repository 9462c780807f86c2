import type { Card } from '../api/types'
import { listOf } from '../ui/unsaved'
import { changedFields, fieldName, formOf } from './cardForm'

interface Props {
  /** The version someone else saved; null while it is being fetched after a 412. */
  theirs: Card | null
  startedFrom: Card
  onApply: () => void
  onDiscard: () => void
}

/** Someone else saved this card while it was being edited: say what they changed, keep the typing. */
export function ConflictNotice({ theirs, startedFrom, onApply, onDiscard }: Props) {
  if (!theirs)
    return (
      <div className="notice" role="status">
        Someone else changed this card meanwhile. Loading their version; your text stays here.
      </div>
    )
  const changed = changedFields(formOf(theirs), formOf(startedFrom)).map((f) => fieldName[f])
  return (
    <div className="notice conflict" role="alert">
      <p>
        <strong>Someone else saved this card while you were editing</strong>
        {changed.length > 0 ? ` (they changed the ${listOf(changed)}).` : '.'} Your text is still below.
      </p>
      {changed.includes('title') && (
        <p className="small">
          Their title: <q>{theirs.title}</q>
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn btn-quiet btn-small" onClick={onDiscard}>
          Discard mine, keep theirs
        </button>
        <button type="button" className="btn btn-primary btn-small" onClick={onApply}>
          Apply my changes to their version
        </button>
      </div>
    </div>
  )
}
