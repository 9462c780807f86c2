import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useFirstReveal } from './firstReveal'
import { defaultRangeExtractor, elementScroll, observeElementRect, useVirtualizer, type Range, type Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual'
import type { CardFilter } from '../api/endpoints'
import type { Board, Column } from '../api/types'
import { Can, useSession } from '../auth/session'
import { SortableCard } from './CardTile'
import { NewCardForm } from './NewCardForm'
import { stageName } from '../ui/names'
import { LoadError } from '../ui/States'
import { loadedCards, shownCards, shownTotal, totalOf, type DragView } from './columnCache'
import { useColumnCards } from './useColumnCards'
import { registerColumn } from './cardFocus'
import type { ColumnGrip } from './SortableColumn'
import { measureEmptyColumn, rememberScroller, scrollerGuess, tileHeight } from './tileEstimate'

const ColumnSettings = lazy(() => import('./ColumnSettings').then((m) => ({ default: m.ColumnSettings })))

interface Props {
  board: Board
  column: Column
  filter: Required<CardFilter>
  canDrag: boolean
  /** The card being dragged, when it comes from or is over this column (null otherwise, so other columns do not re-render). */
  drag: DragView | null
  /** The header drags the column (editors); null when columns cannot be reordered. */
  grip: ColumnGrip | null
}

/**
 * A tile's height: what its ResizeObserver reports once the browser laid it out, and until
 * then the size known (or estimated) for it. Reading offsetHeight as each tile is put in the
 * page, as the virtualizer does by default, would make the browser lay the page out there and
 * then, once per column; a wrong estimate is corrected by the observer before the next frame.
 */
function measureTile(el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0]
  if (box) return Math.round(box.blockSize)
  const i = v.indexFromElement(el)
  return v.itemSizeCache.get(v.options.getItemKey(i)) ?? v.options.estimateSize(i)
}

type Options = VirtualizerOptions<HTMLDivElement, Element>

/** The scroller's size as its ResizeObserver reports it after layout (the default reads it at once, forcing a layout); until then the guess the column was given. */
const observeScroller: Options['observeElementRect'] = (v, cb) => {
  const el = v.scrollElement
  if (!el || typeof ResizeObserver !== 'function') return observeElementRect(v, cb)
  const ro = new ResizeObserver(([e]) => {
    if (e) cb({ width: Math.round(e.contentRect.width), height: Math.round(e.contentRect.height) })
  })
  ro.observe(el)
  return () => ro.disconnect()
}

/** Scrolls the column, except a scroller just handed over to the top it is already at: that write would lay the page out at once. */
const given = new WeakSet<Element>()
const scrollColumn: Options['scrollToFn'] = (offset, opts, v) => {
  const el = v.scrollElement
  if (el && !given.has(el)) {
    given.add(el)
    if (offset + (opts.adjustments ?? 0) === 0) return
  }
  elementScroll(offset, opts, v)
}

/** 12345 → "12,345", as toLocaleString('en') writes it, without setting up Intl for each column as the board opens. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

// How close to the last loaded card the person scrolls before the next page is asked for.
const loadAhead = 15

/**
 * A column: its true count, and only the cards in view (plus a few) in the page, the rest
 * loaded page by page as the person scrolls. Screen readers hear each card's place among all
 * of the column's cards (aria-setsize, aria-posinset).
 */
export const BoardColumn = memo(function BoardColumn({ board, column, filter, canDrag, drag, grip }: Props) {
  const q = useColumnCards(board.id, column.id, filter)
  // The board's first cards go into the page together, in one background render (firstReveal.tsx).
  const shown = useFirstReveal(column.id, q.data !== undefined || q.isError)
  const data = shown ? q.data : undefined
  const loading = data === undefined && !q.isError
  const base = useMemo(() => loadedCards(data), [data])
  const cards = useMemo(() => shownCards(base, column.id, drag), [base, column.id, drag])
  const ids = useMemo(() => cards.map((c) => c.id), [cards])
  const total = shownTotal(totalOf(data), column.id, drag)
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { type: 'column' } })
  const { can } = useSession()
  const [settings, setSettings] = useState(false)

  const scrollRef = useRef<HTMLDivElement | null>(null)
  const scrollNode = useCallback(
    (el: HTMLDivElement | null) => {
      scrollRef.current = el
      setNodeRef(el)
    },
    [setNodeRef],
  )
  // The dragged card stays in the page wherever the column is scrolled: dnd-kit measures it.
  const keep = drag && drag.to === column.id ? Math.min(drag.index, cards.length - 1) : -1
  const rangeExtractor = useCallback(
    (range: Range) => {
      const r = defaultRangeExtractor(range)
      if (keep >= 0 && !r.includes(keep)) return [...r, keep].sort((a, b) => a - b)
      return r
    },
    [keep],
  )
  // Each tile's height is estimated from its text before it is shown (and measured once it is):
  // a good guess places the first cards right at once, so the column does not render them
  // twice. The scroller is only watched once it holds cards: the loading placeholder's small
  // box would otherwise size the first range, and a second pass would fill the column.
  const sectionRef = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (loading && sectionRef.current && scrollRef.current) return measureEmptyColumn(sectionRef.current, scrollRef.current)
  }, [loading])
  const guess = scrollerGuess()
  const estimateSize = useCallback((i: number) => tileHeight(cards[i], guess.width), [cards, guess.width])
  // The column is memoised by hand (memo, stable props); the compiler cannot memoise the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => (loading ? null : scrollRef.current),
    estimateSize,
    initialRect: guess,
    overscan: 3,
    gap: 6,
    paddingStart: 4,
    paddingEnd: 8,
    getItemKey: (i) => ids[i] ?? i,
    rangeExtractor,
    measureElement: measureTile,
    observeElementRect: observeScroller,
    scrollToFn: scrollColumn,
  })
  // A full column's scroller tells the next columns (and the next board) how much they show.
  useLayoutEffect(() => {
    const rect = virtualizer.scrollRect
    if (rect && rect.height > 0 && virtualizer.getTotalSize() > rect.height) rememberScroller(rect)
  })
  // Arrow keys reach cards that are not rendered yet: the board scrolls the column to them.
  useEffect(() => registerColumn(column.id, (i) => virtualizer.scrollToIndex(i, { align: 'auto' })), [column.id, virtualizer])
  const items = virtualizer.getVirtualItems()
  const lastShown = items.at(-1)?.index ?? -1
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q
  useEffect(() => {
    if (!loading && hasNextPage && !isFetchingNextPage && lastShown >= cards.length - loadAhead) void fetchNextPage()
  }, [loading, hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, cards.length])

  const headingId = `col-${column.id}`
  // "Done" in a Done column says nothing twice: the coloured dot carries the stage then.
  const stage = stageName[column.stage]
  const sameName = stage.toLowerCase() === column.name.trim().toLowerCase()
  const filtered = !!(filter.q || filter.kind || filter.label || filter.owner)
  return (
    <section ref={sectionRef} className={'column' + (isOver ? ' column-over' : '')} aria-labelledby={headingId} data-column={column.name} data-column-id={column.id}>
      <header className={'column-head' + (grip ? ' column-head-grab' : '')} {...grip?.listeners}>
        {grip && (
          <span ref={grip.setActivatorNodeRef} {...grip.attributes} aria-roledescription="draggable column" aria-label={`Move column ${column.name}`} className="column-grip">
            <GripIcon />
          </span>
        )}
        <span className={'stage-dot dot-' + column.stage} aria-hidden="true" />
        <h2 id={headingId} className="column-name">
          {column.name}
          {sameName && <span className="sr-only"> (stage {stage})</span>}
        </h2>
        {!sameName && <span className={'stage stage-' + column.stage}>{stage}</span>}
        <span className="count" aria-label={`${total} cards`} data-testid="column-count">
          {loading ? '–' : grouped(total)}
        </span>
        <Can right="edit">
          <button type="button" className="icon-btn" aria-label={`Settings for column ${column.name}`} onClick={() => setSettings(true)}>
            ⋯
          </button>
        </Can>
      </header>
      <SortableContext id={column.id} items={ids} strategy={verticalListSortingStrategy}>
        <div ref={scrollNode} className="card-scroll" aria-busy={q.isPlaceholderData || isFetchingNextPage}>
          {q.isError && !q.data ? (
            <LoadError error={q.error} what="cards" retry={() => void q.refetch()} />
          ) : loading || cards.length === 0 ? (
            <ul className="card-list card-list-flow" aria-label={`Cards in ${column.name}`}>
              {loading ? (
                <li className="card-skeleton" aria-hidden="true" />
              ) : (
                <li className="column-empty">
                  {filtered ? 'No matching cards.' : can('edit') ? (column.stage === 'done' ? 'Drag a card here to ship it.' : 'No cards yet. Add one below or drag one here.') : 'No cards yet.'}
                </li>
              )}
            </ul>
          ) : (
            <ul className="card-list" aria-label={`Cards in ${column.name}`} style={{ height: virtualizer.getTotalSize() }}>
              {items.map((vi) => {
                const card = cards[vi.index]!
                return (
                  <SortableCard
                    key={card.id}
                    card={card}
                    disabled={!canDrag}
                    index={vi.index}
                    top={vi.start}
                    setSize={Math.max(total, cards.length)}
                    measure={virtualizer.measureElement}
                  />
                )
              })}
            </ul>
          )}
          {isFetchingNextPage && (
            <p className="column-more" role="status">
              Loading more cards…
            </p>
          )}
        </div>
      </SortableContext>
      {/* Support files what customers ask for, so it may add cards to open columns (the API allows exactly that). */}
      {(can('edit') || (can('link') && column.stage === 'open')) && <NewCardForm board={board} column={column} />}
      {settings && (
        <Suspense fallback={null}>
          <ColumnSettings board={board} column={column} onClose={() => setSettings(false)} />
        </Suspense>
      )}
    </section>
  )
})

function GripIcon() {
  return (
    <svg width="10" height="14" viewBox="0 0 10 14" aria-hidden="true" focusable="false">
      {[2, 7, 12].flatMap((y) => [2, 8].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" fill="currentColor" />))}
    </svg>
  )
}
