import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { keys, useBoardLabels } from '../api/queries'
import type { BoardLabel, LabelColor, LabelPatch } from '../api/types'
import { setParam } from '../app/router'
import { Dialog } from '../ui/Dialog'
import { FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { LoadError, Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'
import { renameInFilter } from './labelFilter'

const colors: LabelColor[] = ['grey', 'green', 'yellow', 'orange', 'red', 'purple', 'blue', 'sky', 'lime', 'pink', 'black']

/** The board's labels, each renamed or recoloured on every card of the board at once. */
export function LabelsDialog({ boardId, onClose }: { boardId: string; onClose: () => void }) {
  const labels = useBoardLabels(boardId)
  return (
    <Dialog title="Labels" onClose={onClose} wide>
      <p className="muted">A new name or colour changes the label on every card of this board. A name that is already a label merges the two.</p>
      {labels.isPending ? (
        <Spinner label="Loading labels…" />
      ) : labels.isError ? (
        <LoadError error={labels.error} what="labels" retry={() => void labels.refetch()} />
      ) : labels.data.length === 0 ? (
        <p className="muted">No labels yet: give a card one in its drawer.</p>
      ) : (
        <ul className="label-rows">
          {labels.data.map((l) => (
            <LabelRow key={l.name + ':' + l.color} boardId={boardId} label={l} />
          ))}
        </ul>
      )}
    </Dialog>
  )
}

function LabelRow({ boardId, label }: { boardId: string; label: BoardLabel }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [name, setName] = useState(label.name)
  const [color, setColor] = useState<LabelColor>(label.color)
  const patch: LabelPatch = {}
  if (name.trim() !== label.name) patch.name = name.trim()
  if (color !== label.color) patch.color = color
  const save = useMutation({
    mutationFn: () => ep.updateBoardLabel(boardId, label.name, patch),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: keys.labels(boardId) })
      if (saved.name !== label.name) {
        void qc.invalidateQueries({ queryKey: keys.cards(boardId) })
        const filter = new URLSearchParams(window.location.search).get('label')
        if (filter) setParam('label', renameInFilter(filter, label.name, saved.name), { replace: true })
      }
      const cards = `${label.count} ${label.count === 1 ? 'card' : 'cards'}`
      toast(saved.name !== label.name ? `Renamed “${label.name}” to “${saved.name}” on ${cards}.` : `“${saved.name}” is ${saved.color} now.`, 'success')
    },
  })
  const errors = formErrors(save.error, ['name', 'color'])
  const unchanged = Object.keys(patch).length === 0
  function submit(e: FormEvent) {
    e.preventDefault()
    if (!unchanged) save.mutate()
  }
  return (
    <li>
      <form noValidate className="label-row" onSubmit={submit}>
        <span className={'label label-' + color} aria-hidden="true">
          {name.trim() || label.name}
        </span>
        <label className="label-row-name">
          <span className="sr-only">Name of label {label.name}</span>
          <input value={name} maxLength={50} aria-invalid={errors.fields.name ? true : undefined} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span className="sr-only">Colour of label {label.name}</span>
          <select value={color} onChange={(e) => setColor(e.target.value as LabelColor)}>
            {colors.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small label-row-count">{label.count === 1 ? '1 card' : `${label.count} cards`}</span>
        <button type="submit" className="btn btn-small" disabled={unchanged || save.isPending}>
          Save
        </button>
        {errors.fields.name && <div className="field-error label-row-error">Name: {errors.fields.name}</div>}
        {errors.fields.color && <div className="field-error label-row-error">Colour: {errors.fields.color}</div>}
        <FormError message={errors.form} />
      </form>
    </li>
  )
}
