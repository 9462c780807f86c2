import type { QueryClient } from '@tanstack/react-query'
import { askSessionEarly } from '../api/earlySession'
import * as ep from '../api/endpoints'
import { boardQuery, labelsQuery, teammatesQuery } from '../api/queries'
import { filterFrom } from '../boards/boardFilter'
import { columnCardsQuery, columnPage } from '../boards/useColumnCards'
import { takeEarlyBoard, takeEarlyPage } from './earlyOpening'
import { match } from './router'

// Opening the app asks for what its first screen needs before React renders anything, side
// by side rather than one answer after another: who is signed in, and on a board's address the
// board, its label colours and the teammates (for the tiles), then its columns' first pages as
// soon as the board says which columns it has. The screens' own queries find these answers
// (or the requests still on their way) in the cache under the same keys. On an unfiltered
// board public/opening.js has asked for the board and its first pages already, before this
// script arrived: those answers are taken instead of asking again.

export function startOpening(qc: QueryClient, location: Location = window.location) {
  askSessionEarly()
  const m = match('/boards/:id', location.pathname)
  if (!m?.id) return
  const boardId = m.id
  const filter = filterFrom(new URLSearchParams(location.search))
  const unfiltered = !filter.q && !filter.kind && !filter.label && !filter.owner && filter.sort === 'position'
  const earlyBoard = unfiltered ? takeEarlyBoard(boardId) : undefined
  const board = earlyBoard ? { ...boardQuery(boardId), queryFn: () => earlyBoard.catch(() => ep.getBoard(boardId)) } : boardQuery(boardId)
  void qc.prefetchQuery(board).then(() => {
    const data = qc.getQueryData(boardQuery(boardId).queryKey)
    for (const c of data?.columns ?? []) {
      const q = columnCardsQuery(boardId, c.id, filter)
      void qc.prefetchInfiniteQuery(
        earlyBoard
          ? { ...q, queryFn: async ({ pageParam, signal }) => (pageParam === null ? await takeEarlyPage(boardId, c.id) : undefined) ?? columnPage(boardId, c.id, filter, pageParam, signal) }
          : q,
      )
    }
  })
  void qc.prefetchQuery(labelsQuery(boardId))
  void qc.prefetchQuery(teammatesQuery)
}
