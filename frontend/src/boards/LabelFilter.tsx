import { useId, useState, type ChangeEvent } from 'react'
import { useBoardLabels } from '../api/queries'
import { setParam } from '../app/router'
import { formatLabelFilter, parseLabelFilter } from './labelFilter'

/**
 * The toolbar's label filter: the labels filtered by (cards having all of them), each a button
 * that takes it away, and a field that adds one (the board's labels offered as you type).
 */
export function LabelFilter({ boardId, value }: { boardId: string; value: string }) {
  const labels = useBoardLabels(boardId)
  const active = parseLabelFilter(value)
  const [text, setText] = useState('')
  const listId = useId()
  const colorOf = (name: string) => labels.data?.find((l) => l.name === name)?.color ?? 'grey'
  const set = (next: string[]) => setParam('label', formatLabelFilter(next), { replace: true })
  const add = (name: string) => {
    const n = name.trim()
    setText('')
    if (n && !active.includes(n)) set([...active, n])
  }
  // Picking one of the offered labels adds it at once; typed text is added with Enter.
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = (e.nativeEvent as InputEvent).inputType === 'insertReplacementText' || !(e.nativeEvent instanceof InputEvent)
    if (picked && labels.data?.some((l) => l.name === e.target.value)) add(e.target.value)
    else setText(e.target.value)
  }
  return (
    <div className="label-filter">
      {active.map((l) => (
        <button key={l} type="button" className={'label label-' + colorOf(l) + ' label-filter-chip'} title={`Stop filtering by “${l}”`} onClick={() => set(active.filter((x) => x !== l))}>
          {l}
          <span aria-hidden="true"> ×</span>
          <span className="sr-only"> (remove this label filter)</span>
        </button>
      ))}
      <label className="toolbar-labelbox">
        <span className="sr-only">{active.length ? 'Also filter by label' : 'Filter by label'}</span>
        <input
          className="toolbar-label"
          placeholder={active.length ? 'And label…' : 'Label'}
          list={listId}
          value={text}
          onChange={onChange}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add(text)
            }
          }}
        />
      </label>
      <datalist id={listId}>
        {labels.data
          ?.filter((l) => !active.includes(l.name))
          .map((l) => <option key={l.name} value={l.name} />)}
      </datalist>
    </div>
  )
}
