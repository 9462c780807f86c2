import { useEffect, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { Link } from '../app/router'
import { Empty, LoadError, Spinner } from '../ui/States'

/** Everyone who ever asked for something, searchable by name, email or company. */
export function RequestersPage() {
  const [input, setInput] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const t = window.setTimeout(() => setQ(input.trim()), 250)
    return () => window.clearTimeout(t)
  }, [input])
  const list = useQuery({ queryKey: ['requesters', q], queryFn: () => ep.listRequesters(q), placeholderData: keepPreviousData })
  return (
    <main className="page">
      <div className="page-head">
        <h1>People</h1>
        <p className="muted">The users who asked for things. They never sign in; they get the shipped emails.</p>
      </div>
      <label className="toolbar-search wide">
        <span className="sr-only">Search people</span>
        <input type="search" placeholder="Search by name, email or company…" value={input} onChange={(e) => setInput(e.target.value)} />
      </label>
      {list.isPending ? (
        <Spinner label="Loading people…" />
      ) : list.isError ? (
        <LoadError error={list.error} what="people" retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty title={q ? `Nobody matches “${q}”.` : 'Nobody has asked for anything yet.'}>
          {q ? 'Try part of their email or company.' : 'Open a card and link a conversation: the person who asked appears here.'}
        </Empty>
      ) : (
        <ul className="people">
          {list.data.items.map((r) => (
            <li key={r.id}>
              <Link href={`/people/${r.id}`} className="person">
                <span className="person-name">{r.name || r.email}</span>
                <span className="muted">{r.name ? r.email : ''}</span>
                {r.company && <span className="company">{r.company}</span>}
                {r.unsubscribed_at && <span className="badge">unsubscribed</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
