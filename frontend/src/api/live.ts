import { useEffect, useSyncExternalStore } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Card, CardDeliveries, LiveEvent } from './types'
import type { CardFilter } from './endpoints'
import { keys } from './queries'

// Live updates: one EventSource per tab on GET /api/v1/events. Each event patches the
// query cache (applyLiveEvent): the card in its board's lists and its own entry, the
// delivery counts of a shipped card. EventSource reconnects by itself with Last-Event-ID;
// a "resync" (the server no longer knows that id) refetches everything shown.

const cardEvents = ['card.created', 'card.updated', 'card.moved', 'card.shipped', 'card.archived', 'request.linked', 'reaction.received']

let open = false
const listeners = new Set<() => void>()
function setOpen(v: boolean) {
  if (open === v) return
  open = v
  listeners.forEach((l) => l())
}
/** True while the live stream is connected (polling can rest). */
export function useLiveConnected(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => open,
  )
}

/** Patches the cache with one event. Lists with a filter (search, kind, label) or another
 * sort are refetched instead: whether the card still belongs there is the server's call. */
export function applyLiveEvent(qc: QueryClient, type: string, ev: LiveEvent) {
  if (type === 'delivery.progress') {
    if (ev.card_id && ev.summary) {
      const summary = ev.summary
      qc.setQueryData<CardDeliveries>(keys.deliveries(ev.card_id), (old) => (old ? { ...old, summary } : old))
      void qc.invalidateQueries({ queryKey: keys.deliveries(ev.card_id), refetchType: 'none' })
    }
    return
  }
  const card = ev.card
  if (!card) {
    if (ev.board_id) void qc.invalidateQueries({ queryKey: keys.cards(ev.board_id) })
    return
  }
  const gone = card.archived_at != null
  if (gone) qc.removeQueries({ queryKey: keys.card(card.id) })
  else qc.setQueryData<Card>(keys.card(card.id), (old) => (old && old.version > card.version ? old : card))
  if (type === 'request.linked') void qc.invalidateQueries({ queryKey: keys.requests(card.id) })
  for (const [key, list] of qc.getQueriesData<Card[]>({ queryKey: keys.cards(card.board_id) })) {
    const f = (key[2] ?? {}) as CardFilter
    if (!list || f.q || f.label || f.kind || (f.sort && f.sort !== 'position')) {
      void qc.invalidateQueries({ queryKey: key, exact: true })
      continue
    }
    const at = list.findIndex((c) => c.id === card.id)
    if (at >= 0 && list[at]!.version > card.version) continue // already newer (our own write)
    const next = gone ? list.filter((c) => c.id !== card.id) : at >= 0 ? list.map((c, i) => (i === at ? card : c)) : [...list, card]
    qc.setQueryData(key, next)
  }
}

/** Opens the tab's one stream while signed in. */
export function useLiveEvents(enabled: boolean) {
  const qc = useQueryClient()
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const es = new EventSource('/api/v1/events')
    es.onopen = () => setOpen(true)
    es.onerror = () => setOpen(false)
    const on = (type: string) => (e: MessageEvent<string>) => {
      try {
        applyLiveEvent(qc, type, JSON.parse(e.data) as LiveEvent)
      } catch {
        // an event this UI does not understand changes nothing
      }
    }
    for (const t of [...cardEvents, 'delivery.progress']) es.addEventListener(t, on(t))
    es.addEventListener('resync', () => void qc.invalidateQueries())
    return () => {
      es.close()
      setOpen(false)
    }
  }, [enabled, qc])
}
