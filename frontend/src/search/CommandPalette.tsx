import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { SearchHit } from '../api/types'
import { navigate } from '../app/router'

// The command palette: Ctrl+K (⌘K) anywhere, or "/" outside a text field, searches every
// board (GET /search): titles, descriptions, the customers' own words and the people.
// Results are grouped by board with the matched quote; arrows move, Enter opens, Esc closes.

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

/** Marks the searched words (and their corrections) where a word of text begins with one. */
export function marked(text: string, terms: string[]): ReactNode[] {
  if (terms.length === 0) return [text]
  const esc = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${esc.join('|')})`, 'giu')
  const out: ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(re)) {
    out.push(text.slice(last, m.index))
    out.push(<mark key={m.index}>{m[0]}</mark>)
    last = m.index + m[0].length
  }
  out.push(text.slice(last))
  return out
}

interface Group {
  key: string
  title: string
  hits: { hit: SearchHit; index: number }[]
}

function groups(hits: SearchHit[]): Group[] {
  const out: Group[] = []
  hits.forEach((hit, index) => {
    const key = hit.type === 'card' ? (hit.board?.id ?? '') : 'people'
    let g = out.find((x) => x.key === key)
    if (!g) out.push((g = { key, title: hit.type === 'card' ? (hit.board?.name ?? 'Board') : 'People', hits: [] }))
    g.hits.push({ hit, index })
  })
  return out
}

function open(hit: SearchHit) {
  if (hit.type === 'card' && hit.card) navigate(`/boards/${hit.card.board_id}?card=${hit.card.id}`)
  else if (hit.requester) navigate(`/people/${hit.requester.id}`)
}

export function CommandPalette() {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        setShown(true)
      } else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
        e.preventDefault()
        setShown(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  if (!shown) return null
  return <Palette onClose={() => setShown(false)} />
}

function Palette({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    const t = setTimeout(() => {
      setQ(text.trim())
      setActive(0)
    }, 120)
    return () => clearTimeout(t)
  }, [text])
  const res = useQuery({ queryKey: ['search', q], queryFn: () => ep.searchAll(q), enabled: q !== '', staleTime: 5000 })
  const hits = useMemo(() => (q && res.data ? res.data.items : []), [q, res.data])
  const terms = res.data?.terms ?? []
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return
    onClose()
    open(hit)
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => Math.min(a + 1, Math.max(0, hits.length - 1)))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(a - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(hits[active])
    }
  }
  const optionId = (i: number) => `palette-hit-${i}`
  return (
    <div className="palette-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Search every board">
        <input
          ref={input}
          className="palette-input"
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
          aria-label="Search cards, customers' words and people on every board"
          placeholder="Search every board: cards, what customers said, people…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <div id="palette-results" role="listbox" aria-label="Results" className="palette-results">
          {q !== '' && res.isSuccess && hits.length === 0 && <p className="muted palette-empty">Nothing found for “{q}”.</p>}
          {res.isError && <p className="muted palette-empty">Search is not available right now.</p>}
          {groups(hits).map((g) => (
            <div key={g.key} role="group" aria-label={g.title} className="palette-group">
              <div className="palette-group-title" aria-hidden="true">{g.title}</div>
              {g.hits.map(({ hit, index }) => (
                <div
                  key={index}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={'palette-hit' + (index === active ? ' palette-hit-active' : '')}
                  onMouseEnter={() => setActive(index)}
                  tabIndex={-1}
                  onClick={() => choose(hit)}
                  onKeyDown={(e) => e.key === 'Enter' && choose(hit)}
                >
                  <Hit hit={hit} terms={terms} />
                </div>
              ))}
            </div>
          ))}
        </div>
        <p className="palette-hint muted small">↑↓ to move · Enter to open · Esc to close</p>
      </div>
    </div>
  )
}

function Hit({ hit, terms }: { hit: SearchHit; terms: string[] }) {
  if (hit.type === 'requester' && hit.requester) {
    const r = hit.requester
    return (
      <>
        <span className="palette-title">{marked(r.name || r.email, terms)}</span>
        <span className="muted small"> {marked([r.email, r.company].filter(Boolean).join(' · '), terms)}</span>
      </>
    )
  }
  const c = hit.card!
  const m = hit.match
  return (
    <>
      <span className="palette-title">{marked(c.title, terms)}</span>
      {m && m.field === 'quote' && (
        <span className="palette-quote">
          “{marked(m.text, terms)}”{m.requester && <span className="muted"> — {m.requester.name || m.requester.email}</span>}
        </span>
      )}
      {m && m.field === 'description' && <span className="palette-quote muted">{marked(m.text, terms)}</span>}
    </>
  )
}
