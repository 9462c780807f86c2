import { useEffect, useId, useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board, Card } from '../api/types'
import { keys, useBoards } from '../api/queries'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { supportDraftKey, type SupportFields } from '../cards/SupportForm'
import { ApiError } from '../api/client'
import { formErrors } from '../ui/errors'
import { Field, FormError } from '../ui/Field'
import { putHandoff, takeHandoff } from '../ui/handoff'
import { Empty, LoadError, Spinner } from '../ui/States'
import { searchCards, type FoundCard } from './searchCards'

/** Where "link by hand" (and anything else that knows who asked, but not for what) leaves its draft. */
export const pendingDraftKey = 'support-draft:pending'

/**
 * Support's way in: find the card a customer asked for, or create it when nothing matches
 * (the search text becomes its title), then link them on the card itself.
 */
export function LinkRequestPage() {
  const { can } = useSession()
  const [draft] = useState(() => takeHandoff<Partial<SupportFields>>(pendingDraftKey))
  const [q, setQ] = useState('')
  const [typed, setTyped] = useState('')
  useEffect(() => {
    const t = window.setTimeout(() => setTyped(q.trim()), 200)
    return () => window.clearTimeout(t)
  }, [q])
  const boards = useBoards()
  const found = useQuery({ queryKey: ['card-search', typed], queryFn: () => searchCards(typed), enabled: typed !== '' })
  const searchId = useId()

  if (!can('link'))
    return (
      <main className="page narrow">
        <Empty title="Your role cannot link requests.">Ask an admin for the support role.</Empty>
      </main>
    )
  const open = (card: Card) => {
    if (draft) putHandoff(supportDraftKey(card.id), draft)
    navigate(`/boards/${card.board_id}?card=${card.id}`)
  }
  return (
    <main className="page narrow">
      <div className="page-head">
        <h1>Link a request</h1>
      </div>
      {draft && (
        <p className="notice" data-testid="pending-draft">
          Linking <strong>{draft.email || 'someone without an email'}</strong>
          {draft.quote ? <> — “{draft.quote.length > 140 ? draft.quote.slice(0, 140) + '…' : draft.quote}”</> : null}. Pick the card they asked
          for; the form on it is filled in for you.
        </p>
      )}
      <section className="panel" aria-labelledby={searchId}>
        <h2 id={searchId}>Which card did they ask for?</h2>
        <div role="search" className="card-search">
          <Field label="Search cards on every board">
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="webhook, dark mode, #12…" />
          </Field>
        </div>
        {typed === '' ? (
          <p className="muted">Type a few words of what they asked for.</p>
        ) : found.isPending || q.trim() !== typed ? (
          <Spinner label="Searching…" />
        ) : found.isError ? (
          <LoadError error={found.error} what="cards" retry={() => void found.refetch()} />
        ) : (
          <Results cards={found.data} text={typed} boards={boards.data ?? []} onOpen={open} />
        )}
      </section>
    </main>
  )
}

function Results({ cards, text, boards, onOpen }: { cards: FoundCard[]; text: string; boards: Board[]; onOpen: (c: Card) => void }) {
  return (
    <>
      {cards.length > 0 && (
        <ul className="found-cards" aria-label="Cards found">
          {cards.map(({ card, board }) => (
            <li key={card.id}>
              <button type="button" className="found-card" onClick={() => onOpen(card)}>
                <span className="found-title">
                  #{card.number} {card.title}
                </span>
                <span className="muted small">
                  {board.name} · {card.requester_count} {card.requester_count === 1 ? 'person' : 'people'} asked
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <CreateCard text={text} boards={boards} quiet={cards.length > 0} onCreated={onOpen} />
    </>
  )
}

/** Boards where support may create cards: those with an open column (the API refuses the rest). */
function openColumnOf(b: Board) {
  return b.columns.find((c) => c.stage === 'open')
}

function CreateCard({ text, boards, quiet, onCreated }: { text: string; boards: Board[]; quiet: boolean; onCreated: (c: Card) => void }) {
  const qc = useQueryClient()
  const usable = boards.filter(openColumnOf)
  const [boardId, setBoardId] = useState('')
  const board = usable.find((b) => b.id === boardId) ?? usable[0]
  const create = useMutation({
    mutationFn: (b: Board) => ep.createCard(b.id, { column_id: openColumnOf(b)!.id, kind: 'request', title: text.slice(0, 200) }),
    onSuccess: (card) => {
      void qc.invalidateQueries({ queryKey: keys.cards(card.board_id) })
      onCreated(card)
    },
  })
  const errors = formErrors(create.error, ['title', 'column_id'])
  if (usable.length === 0) return <p className="muted">No board has an open column to create a card in; ask an editor to add one.</p>
  function submit(e: FormEvent) {
    e.preventDefault()
    if (board) create.mutate(board)
  }
  return (
    <form className={'create-card' + (quiet ? ' create-card-quiet' : '')} onSubmit={submit} noValidate>
      {!quiet && <p>Nothing matches “{text}”.</p>}
      {/* The API's own words: a 403 here says which columns support may create cards in. */}
      <FormError message={create.error instanceof ApiError && create.error.status === 403 ? create.error.message : (errors.form ?? errors.fields.title ?? errors.fields.column_id ?? null)} />
      <div className="row">
        {usable.length > 1 && (
          <Field label="On board">
            <select value={board?.id} onChange={(e) => setBoardId(e.target.value)}>
              {usable.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({openColumnOf(b)!.name})
                </option>
              ))}
            </select>
          </Field>
        )}
        <button type="submit" className={quiet ? 'btn' : 'btn btn-primary'} disabled={create.isPending}>
          {quiet ? `None of these: create ‘${text}’` : `Create ‘${text}’`}
        </button>
      </div>
    </form>
  )
}
