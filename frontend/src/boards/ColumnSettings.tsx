import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../api/client'
import * as ep from '../api/endpoints'
import type { Board, Column, Stage } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { Field, FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { keys } from '../api/queries'
import { stageName, stages } from '../ui/names'
import { emailsOnMove } from '../shipping/statusEmail'

/** Name, stage and place of one column, and deleting it once it is empty. */
export function ColumnSettings({ board, column, onClose }: { board: Board; column: Column; onClose: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const sorted = [...board.columns].sort((a, b) => a.position - b.position)
  const index = sorted.findIndex((c) => c.id === column.id)
  const [name, setName] = useState(column.name)
  const [stage, setStage] = useState<Stage>(column.stage)
  const [slot, setSlot] = useState(index)
  const [notifyDefault, setNotifyDefault] = useState(column.notify_default)

  const refresh = () => {
    qc.invalidateQueries({ queryKey: keys.board(board.id) })
    qc.invalidateQueries({ queryKey: keys.boards })
  }
  const save = useMutation({
    mutationFn: () => {
      const patch: { name?: string; stage?: Stage; position?: number; notify_default?: boolean } = {}
      if (name.trim() !== column.name) patch.name = name.trim()
      if (stage !== column.stage) patch.stage = stage
      // A stage whose moves email nobody (or always) has no default: the API turns it off.
      const notify = emailsOnMove(stage) && notifyDefault
      if (notify !== column.notify_default && emailsOnMove(stage)) patch.notify_default = notify
      // The API places the column at the position it is given; taking the slot's current
      // position moves it there and shifts the rest.
      if (slot !== index) patch.position = sorted[slot]!.position
      return ep.updateColumn(column.id, patch)
    },
    onSuccess: () => {
      refresh()
      onClose()
    },
  })
  const remove = useMutation({
    mutationFn: () => ep.deleteColumn(column.id),
    onSuccess: () => {
      refresh()
      toast(`Deleted column “${column.name}”.`)
      onClose()
    },
  })
  const errors = formErrors(save.error, ['name', 'stage', 'position', 'notify_default'])

  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  const removeError =
    remove.error instanceof ApiError && remove.error.status === 409
      ? 'This column still holds cards. Move them to another column first.'
      : remove.error
        ? describe(remove.error)
        : null
  return (
    <Dialog title={`Column “${column.name}”`} onClose={onClose}>
      <form noValidate onSubmit={submit} className="stack">
        <FormError message={errors.form} />
        <Field label="Name" error={errors.fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label="Stage" error={errors.fields.stage} hint="Moving a card into a Done column ships it and emails its requesters.">
          <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageName[s]}
              </option>
            ))}
          </select>
        </Field>
        {emailsOnMove(stage) && (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={notifyDefault} onChange={(e) => setNotifyDefault(e.target.checked)} /> Email the
              requesters when a card moves here (pre-selected; whoever moves it can untick it)
            </label>
            <FormError message={errors.fields.notify_default ?? null} />
          </>
        )}
        <Field label="Place on the board" error={errors.fields.position}>
          <select value={slot} onChange={(e) => setSlot(Number(e.target.value))}>
            {sorted.map((c, i) => (
              <option key={c.id} value={i}>
                {i + 1}. {i === index ? '(here now)' : i < index ? `before ${c.name}` : `after ${c.name}`}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <button type="button" className="btn btn-danger-quiet" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Delete column
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !name.trim()}>
            Save
          </button>
        </div>
        <FormError message={removeError} />
      </form>
    </Dialog>
  )
}
