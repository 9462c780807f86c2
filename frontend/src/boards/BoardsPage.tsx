import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { Link, navigate } from '../app/router'
import { Can, useSession } from '../auth/session'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { Empty, LoadError, Spinner } from '../ui/States'
import { keys, useBoards } from '../api/queries'
import { ImportButtons } from '../imports/ImportButtons'

export function BoardsPage() {
  const boards = useBoards()
  const { can } = useSession()
  return (
    <main className="page">
      <div className="page-head">
        <h1>Boards</h1>
        <ImportButtons />
      </div>
      {boards.isPending ? (
        <Spinner label="Loading boards…" />
      ) : boards.isError ? (
        <LoadError error={boards.error} what="boards" retry={() => void boards.refetch()} />
      ) : boards.data.length === 0 ? (
        <Empty title="No boards yet.">
          {can('edit')
            ? 'Create your first board below. It starts with Ideas, Planned, In progress and Done columns.'
            : 'An editor or admin creates boards; ask one of them to set up the first.'}
        </Empty>
      ) : (
        <ul className="board-grid">
          {boards.data.map((b) => (
            <li key={b.id}>
              <Link href={`/boards/${b.id}`} className="board-tile">
                <span className="board-tile-name">{b.name}</span>
                {b.description && <span className="board-tile-desc">{b.description}</span>}
                <span className="board-tile-meta">{b.columns.map((c) => c.name).join(' · ')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Can right="edit">
        <NewBoard />
      </Can>
    </main>
  )
}

function NewBoard() {
  const qc = useQueryClient()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const create = useMutation({
    mutationFn: () => ep.createBoard({ name: name.trim(), description: description.trim() || undefined }),
    onSuccess: (board) => {
      qc.invalidateQueries({ queryKey: keys.boards })
      navigate(`/boards/${board.id}`)
    },
  })
  const errors = formErrors(create.error, ['name', 'description'])
  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate()
  }
  return (
    <section className="panel new-board" aria-labelledby="new-board">
      <h2 id="new-board">New board</h2>
      <form noValidate onSubmit={submit} className="inline-form">
        <FormError message={errors.form} />
        <Field label="Name" error={errors.fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Ideas, Bugs, Roadmap" maxLength={200} />
        </Field>
        <Field label="Description" optional error={errors.fields.description}>
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.isPending}>
          {create.isPending ? 'Creating…' : 'Create board'}
        </button>
      </form>
    </section>
  )
}
