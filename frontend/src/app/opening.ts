import type { QueryClient } from '@tanstack/react-query'
import { askSessionEarly } from '../api/earlySession'
import { boardQuery, labelsQuery, teammatesQuery } from '../api/queries'
import { filterFrom } from '../boards/boardFilter'
import { columnCardsQuery } from '../boards/useColumnCards'
import { match } from './router'

// Opening the app asks for what its first screen needs before React renders anything, side
// by side rather than one answer after another: who is signed in, and on a board's address the
// board, its label colours and the teammates (for the tiles), then its columns' first pages as
// soon as the board says which columns it has. The screens' own queries find these answers
// (or the requests still on their way) in the cache under the same keys.

export function startOpening(qc: QueryClient, location: Location = window.location) {
  askSessionEarly()
  const m = match('/boards/:id', location.pathname)
  if (!m?.id) return
  const boardId = m.id
  const filter = filterFrom(new URLSearchParams(location.search))
  void qc.prefetchQuery(boardQuery(boardId)).then(() => {
    const board = qc.getQueryData(boardQuery(boardId).queryKey)
    for (const c of board?.columns ?? []) void qc.prefetchInfiniteQuery(columnCardsQuery(boardId, c.id, filter))
  })
  void qc.prefetchQuery(labelsQuery(boardId))
  void qc.prefetchQuery(teammatesQuery)
}
