import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Card, Comment } from '../api/types'
import { keys } from '../api/queries'
import { useSession } from '../auth/session'
import { formatDateTime } from '../ui/dates'
import { describe } from '../ui/errors'
import { Spinner } from '../ui/States'

/** The team's internal notes on a card, oldest first, with a composer (support and up). */
export function CommentsList({ card }: { card: Card }) {
  const qc = useQueryClient()
  const { can, member } = useSession()
  const q = useQuery({ queryKey: keys.comments(card.id), queryFn: () => ep.listComments(card.id) })
  const [draft, setDraft] = useState('')
  const changed = () => {
    void qc.invalidateQueries({ queryKey: keys.comments(card.id) })
    void qc.invalidateQueries({ queryKey: keys.activity(card.id) })
  }
  const add = useMutation({
    mutationFn: () => ep.createComment(card.id, draft),
    onSuccess: () => {
      setDraft('')
      changed()
    },
  })
  const mayChange = (c: Comment) => can('admin') || (member != null && c.author_id === member.id)
  return (
    <section className="section" aria-labelledby="comments-h">
      <h3 id="comments-h">
        Comments {q.data && q.data.length > 0 && <span className="count">{q.data.length}</span>}
      </h3>
      {q.isPending ? (
        <Spinner label="Loading comments…" />
      ) : q.isError ? (
        <p className="muted">Comments are not available.</p>
      ) : q.data.length === 0 ? (
        <p className="muted">No comments yet. Notes here are for the team only.</p>
      ) : (
        <ol className="comments">
          {q.data.map((c) => (
            <CommentItem key={c.id} comment={c} editable={mayChange(c)} onChanged={changed} />
          ))}
        </ol>
      )}
      {can('link') && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (draft.trim()) add.mutate()
          }}
        >
          <label htmlFor="comment-new" className="sr-only">
            New comment
          </label>
          <textarea
            id="comment-new"
            rows={2}
            maxLength={10000}
            placeholder="Write a note for the team…"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && draft.trim()) {
                e.preventDefault()
                add.mutate()
              }
            }}
          />
          <button type="submit" className="btn btn-primary" disabled={add.isPending || !draft.trim()}>
            Comment
          </button>
          {add.error != null && <p className="form-error">{describe(add.error)}</p>}
        </form>
      )}
    </section>
  )
}

function CommentItem({ comment, editable, onChanged }: { comment: Comment; editable: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: string) => ep.updateComment(comment.id, body),
    onSuccess: () => {
      setEditing(null)
      onChanged()
    },
  })
  const del = useMutation({ mutationFn: () => ep.deleteComment(comment.id), onSuccess: onChanged })
  const edited = comment.updated_at !== comment.created_at
  return (
    <li className="comment">
      <div className="comment-head">
        <strong>{comment.author}</strong>{' '}
        <time dateTime={comment.created_at} className="muted">
          {formatDateTime(comment.created_at)}
        </time>
        {edited && <span className="muted"> (edited)</span>}
      </div>
      {editing !== null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (editing.trim()) save.mutate(editing)
          }}
        >
          <label htmlFor={'comment-' + comment.id} className="sr-only">
            Edit comment
          </label>
          <textarea id={'comment-' + comment.id} rows={2} maxLength={10000} value={editing} onChange={(e) => setEditing(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !editing.trim()}>
            Save
          </button>{' '}
          <button type="button" className="btn" onClick={() => setEditing(null)}>
            Cancel
          </button>
          {save.error != null && <p className="form-error">{describe(save.error)}</p>}
        </form>
      ) : (
        <p className="comment-body">{comment.body}</p>
      )}
      {editable && editing === null && (
        <div className="comment-actions">
          <button type="button" className="btn btn-quiet btn-small" onClick={() => setEditing(comment.body)}>
            Edit
          </button>{' '}
          <button type="button" className="btn btn-quiet btn-small" disabled={del.isPending} onClick={() => del.mutate()}>
            Delete
          </button>
          {del.error != null && <p className="form-error">{describe(del.error)}</p>}
        </div>
      )}
    </li>
  )
}
