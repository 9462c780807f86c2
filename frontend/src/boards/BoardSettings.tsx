import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board, Stage } from '../api/types'
import { navigate } from '../app/router'
import { Dialog } from '../ui/Dialog'
import { Field, FormError } from '../ui/Field'
import { describe, formErrors } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { TemplateEditor } from './TemplateEditor'
import { PublicRoadmapSettings } from './PublicRoadmapSettings'
import { keys } from '../api/queries'
import { stageName, stages } from '../ui/names'

export function BoardSettings({ board, onClose }: { board: Board; onClose: () => void }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [form, setForm] = useState({
    name: board.name,
    description: board.description,
  })
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value })
  const save = useMutation({
    mutationFn: () => ep.updateBoard(board.id, { ...form, name: form.name.trim() }),
    onSuccess: (b) => {
      qc.setQueryData(keys.board(board.id), b)
      qc.invalidateQueries({ queryKey: keys.boards })
      qc.invalidateQueries({ queryKey: ['email-preview'] })
      toast('Board settings saved.', 'success')
    },
  })
  const errors = formErrors(save.error, ['name', 'description'])
  function submit(e: FormEvent) {
    e.preventDefault()
    save.mutate()
  }
  return (
    <Dialog title="Board settings" onClose={onClose} wide>
      <div className="settings-grid">
        <form noValidate onSubmit={submit} className="stack">
          <FormError message={errors.form} />
          <Field label="Name" error={errors.fields.name}>
            <input value={form.name} onChange={set('name')} maxLength={200} />
          </Field>
          <Field label="Description" optional error={errors.fields.description}>
            <input value={form.description} onChange={set('description')} />
          </Field>
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={save.isPending || !form.name.trim()}>
              {save.isPending ? 'Saving…' : 'Save settings'}
            </button>
          </div>
          <PublicRoadmapSettings board={board} />
          <AddColumn board={board} />
          <DeleteBoard board={board} />
        </form>
        <TemplateEditor boardId={board.id} />
      </div>
    </Dialog>
  )
}

function AddColumn({ board }: { board: Board }) {
  const qc = useQueryClient()
  const [name, setName] = useState('')
  const [stage, setStage] = useState<Stage>('open')
  const add = useMutation({
    mutationFn: () => ep.createColumn(board.id, { name: name.trim(), stage }),
    onSuccess: () => {
      setName('')
      qc.invalidateQueries({ queryKey: keys.board(board.id) })
    },
  })
  const errors = formErrors(add.error, ['name', 'stage'])
  return (
    <fieldset className="subform">
      <legend>Add a column</legend>
      <FormError message={errors.form} />
      <div className="row">
        <Field label="Column name" error={errors.fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label="Stage" error={errors.fields.stage}>
          <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageName[s]}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="btn" disabled={!name.trim() || add.isPending} onClick={() => add.mutate()}>
          Add column
        </button>
      </div>
    </fieldset>
  )
}

function DeleteBoard({ board }: { board: Board }) {
  const qc = useQueryClient()
  const [sure, setSure] = useState(false)
  const del = useMutation({
    mutationFn: () => ep.deleteBoard(board.id),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.boards })
      navigate('/')
    },
  })
  return (
    <div className="danger-zone">
      {sure ? (
        <>
          <p>Delete “{board.name}” with all its cards and requests? This cannot be undone.</p>
          <button type="button" className="btn btn-danger" disabled={del.isPending} onClick={() => del.mutate()}>
            Delete board for good
          </button>{' '}
          <button type="button" className="btn" onClick={() => setSure(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-danger-quiet" onClick={() => setSure(true)}>
          Delete board…
        </button>
      )}
      {del.error != null && <FormError message={describe(del.error)} />}
    </div>
  )
}
