import { useEffect, useSyncExternalStore } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { LiveEvent } from './types'
import { liveQueue, type BoardPatcher } from './liveQueue'

// Live updates: one EventSource per tab on GET /api/v1/events. Events go to the query
// client's live queue (liveQueue.ts), which applies them in batches: the card's own entry, its
// delivery counts, and, through the board patcher the app passes in, the board's paged
// columns. EventSource reconnects by itself with Last-Event-ID; a "resync" (the server no
// longer knows that id) refetches everything shown.

const events = ['card.created', 'card.updated', 'card.moved', 'card.shipped', 'card.archived', 'request.linked', 'reaction.received', 'delivery.progress']

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

/** Opens the tab's one stream while signed in; `patchBoards` applies card changes to the board's columns. */
export function useLiveEvents(enabled: boolean, patchBoards: BoardPatcher) {
  const qc = useQueryClient()
  useEffect(() => {
    liveQueue(qc).patcher = patchBoards
  }, [qc, patchBoards])
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const queue = liveQueue(qc)
    const es = new EventSource('/api/v1/events')
    es.onopen = () => setOpen(true)
    es.onerror = () => setOpen(false)
    const on = (type: string) => (e: MessageEvent<string>) => {
      try {
        queue.push(type, JSON.parse(e.data) as LiveEvent)
      } catch {
        // an event this UI does not understand changes nothing
      }
    }
    for (const t of events) es.addEventListener(t, on(t))
    es.addEventListener('resync', () => {
      queue.forget()
      void qc.invalidateQueries()
    })
    return () => {
      es.close()
      setOpen(false)
    }
  }, [enabled, qc])
}
