import { notifyManager, type QueryClient } from '@tanstack/react-query'
import type { Card, CardDeliveries, DeliverySummary, LiveEvent } from './types'
import { keys } from './queries'

// Live events are queued and applied together, at most every `flushMs`: a burst (an import,
// a teammate seeding a board, a reconnect catching up) costs one render per tick, not one per
// event. Events of one card coalesce into one change: where the card was before the first of
// them, what it is after the last. A card this tab is writing itself is held until its answer
// is in the cache, so the echo of an optimistic move finds nothing left to do.

/** One card's change, as the board's column caches need it. */
export interface CardChange {
  id: string
  /** Its state now; null when it no longer exists. Archived or merged: off the board. */
  card: Card | null
  /** The column it was in before: null when it was in none (just created), undefined when the events do not say. */
  before: string | null | undefined
}

/** Patches the board's column caches with a batch of changes (boards/livePatch.ts). */
export type BoardPatcher = (qc: QueryClient, changes: CardChange[]) => void

export const flushMs = 100

interface Pending {
  change: CardChange
  requests: boolean
}

/** Where the card was before one event, as far as its type tells. */
function beforeOf(type: string, ev: LiveEvent): string | null | undefined {
  if (type === 'card.created') return null
  if (ev.from_column_id) return ev.from_column_id
  if (type === 'card.moved' || type === 'card.shipped' || !ev.card) return undefined
  // card.updated may be a restore from the archive: whether it was there only the cache can tell.
  return type === 'card.updated' ? undefined : ev.card.column_id
}

export class LiveQueue {
  private cards = new Map<string, Pending>()
  private summaries = new Map<string, DeliverySummary>()
  private held = new Map<string, number>()
  private paused = 0
  // Where each card this tab has applied a change of is now: the next change's "before".
  private known = new Map<string, { version: number; column: string | null }>()
  private timer: ReturnType<typeof setTimeout> | null = null
  patcher: BoardPatcher | null = null

  constructor(private qc: QueryClient) {}

  /** Queues one event of the stream. */
  push(type: string, ev: LiveEvent) {
    if (type === 'delivery.progress') {
      if (ev.card_id && ev.summary) this.summaries.set(ev.card_id, ev.summary)
    } else {
      const id = ev.card?.id ?? ev.card_id
      if (!id) return
      const prev = this.cards.get(id)
      const card = ev.card ?? null
      // The stream reads the card when it sends the event, so a later event is newer; a
      // version that went back (never expected) keeps what was there.
      const keep = prev?.change.card && card && prev.change.card.version > card.version
      this.cards.set(id, {
        change: { id, card: keep ? prev.change.card : card, before: prev && prev.change.before !== undefined ? prev.change.before : beforeOf(type, ev) },
        requests: (prev?.requests ?? false) || type === 'request.linked',
      })
    }
    this.schedule()
  }

  /**
   * A change this tab made and has the answer for: applied at once, with whatever was queued.
   * `before` is the column the card was in (null: none, it was created or restored).
   */
  now(type: string, card: Card, before: string | null) {
    const queued = this.cards.has(card.id) // then where it was is what the first queued event says
    this.push(type, { type: type as LiveEvent['type'], board_id: card.board_id, card_id: card.id, card })
    if (!queued) this.cards.get(card.id)!.change.before = before
    this.flush()
  }

  /** Notes a card this tab put into the caches itself (a move's answer), so its echo changes nothing. */
  record(card: Card) {
    this.known.set(card.id, { version: card.version, column: onBoard(card) ? card.column_id : null })
  }

  /** After a resync the caches are the server's again: what was known of the cards goes. */
  forget() {
    this.known.clear()
  }

  /** Keeps the card's events queued while this tab's own write of it is on its way. */
  hold(id: string) {
    this.held.set(id, (this.held.get(id) ?? 0) + 1)
  }

  release(id: string) {
    const n = (this.held.get(id) ?? 1) - 1
    if (n > 0) this.held.set(id, n)
    else this.held.delete(id)
    if (this.cards.has(id)) this.schedule()
  }

  /** Queues everything while a card is dragged: the columns under the pointer stay still until the drop. */
  pause() {
    this.paused++
  }

  resume() {
    this.paused = Math.max(0, this.paused - 1)
    if (this.paused === 0 && (this.cards.size || this.summaries.size)) this.schedule()
  }

  private schedule() {
    if (this.timer == null) this.timer = setTimeout(() => this.flush(), flushMs)
  }

  /** Applies everything queued (but held cards) in one batch of cache notifications. */
  flush() {
    if (this.timer != null) clearTimeout(this.timer)
    this.timer = null
    if (this.paused) return
    const ready: Pending[] = []
    for (const [id, p] of this.cards) {
      if (this.held.has(id)) continue
      this.cards.delete(id)
      const known = this.known.get(id)
      const card = p.change.card
      if (known && card && known.version > card.version) continue // older than what is shown
      if (known) p.change.before = known.column
      if (card) this.record(card)
      else this.known.set(id, { version: Infinity, column: null })
      ready.push(p)
    }
    const summaries = [...this.summaries]
    this.summaries.clear()
    if (ready.length === 0 && summaries.length === 0) return
    notifyManager.batch(() => {
      for (const p of ready) this.applyToCard(p)
      if (ready.length) {
        if (this.patcher) this.patcher(this.qc, ready.map((p) => p.change))
        else for (const b of new Set(ready.map((p) => p.change.card?.board_id))) if (b) void this.qc.invalidateQueries({ queryKey: keys.cards(b) })
      }
      for (const [id, summary] of summaries) {
        this.qc.setQueryData<CardDeliveries>(keys.deliveries(id), (old) => (old ? { ...old, summary } : old))
        void this.qc.invalidateQueries({ queryKey: keys.deliveries(id), refetchType: 'none' })
      }
    })
  }

  /** The card's own entry (the drawer) and what hangs off it. */
  private applyToCard({ change: { id, card }, requests }: Pending) {
    if (!card || !onBoard(card)) this.qc.removeQueries({ queryKey: keys.card(id), exact: true })
    else this.qc.setQueryData<Card>(keys.card(id), (old) => (old && old.version > card.version ? old : card))
    if (requests) void this.qc.invalidateQueries({ queryKey: keys.requests(id) })
  }
}

const onBoard = (c: Card) => c.archived_at == null && !c.merged_into_id

const queues = new WeakMap<QueryClient, LiveQueue>()

/** The query client's one queue of live changes. */
export function liveQueue(qc: QueryClient): LiveQueue {
  let q = queues.get(qc)
  if (!q) queues.set(qc, (q = new LiveQueue(qc)))
  return q
}
