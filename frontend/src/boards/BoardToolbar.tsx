import { useEffect, useState, type ReactNode } from 'react'
import type { CardFilter } from '../api/endpoints'
import { setParam } from '../app/router'
import { LabelFilter } from './LabelFilter'

/** Search, kind and label filters (several labels: cards having all) and the sort; each change is written to the URL. */
export function BoardToolbar({ boardId, filter, hint }: { boardId: string; filter: Required<CardFilter>; hint?: ReactNode }) {
  const [q, setQ] = useState(filter.q)

  // Typing updates the URL (and so the query) after a short pause, not on every key.
  useEffect(() => {
    if (q === filter.q) return
    const t = window.setTimeout(() => setParam('q', q.trim() || null, { replace: true }), 200)
    return () => window.clearTimeout(t)
  }, [q, filter.q])

  const active = filter.q || filter.kind || filter.label || filter.owner
  return (
    <div className="toolbar" role="search">
      <label className="toolbar-search">
        <span className="sr-only">Search cards</span>
        <input type="search" placeholder="Search cards…" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label>
        <span className="sr-only">Kind</span>
        <select value={filter.kind} onChange={(e) => setParam('kind', e.target.value || null, { replace: true })}>
          <option value="">All kinds</option>
          <option value="idea">Ideas</option>
          <option value="issue">Issues</option>
          <option value="request">Requests</option>
        </select>
      </label>
      <LabelFilter boardId={boardId} value={filter.label} />
      <button
        type="button"
        className={'btn btn-small' + (filter.owner === 'me' ? ' btn-primary' : '')}
        aria-pressed={filter.owner === 'me'}
        onClick={() => setParam('owner', filter.owner === 'me' ? null : 'me', { replace: true })}
      >
        Mine
      </button>
      <label>
        <span className="sr-only">Sort</span>
        <select value={filter.sort} onChange={(e) => setParam('sort', e.target.value === 'position' ? null : e.target.value, { replace: true })}>
          <option value="position">Board order</option>
          <option value="demand">Most asked</option>
          <option value="recent">Recent</option>
        </select>
      </label>
      {active && (
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => {
            setQ('')
            const url = new URL(window.location.href)
            for (const k of ['q', 'kind', 'label', 'owner']) url.searchParams.delete(k)
            window.history.replaceState(null, '', url.pathname + url.search)
            window.dispatchEvent(new PopStateEvent('popstate'))
          }}
        >
          Clear filters
        </button>
      )}
      {hint}
    </div>
  )
}
