import { queryOptions, useQuery } from '@tanstack/react-query'
import * as ep from './endpoints'
import type { CardFilter } from './endpoints'

// Query keys in one place so mutations invalidate exactly what they change.
export const keys = {
  boards: ['boards'] as const,
  board: (id: string) => ['board', id] as const,
  cards: (boardId: string, f?: CardFilter) => (f ? (['cards', boardId, f] as const) : (['cards', boardId] as const)),
  /** One column's pages under the board's filters; under keys.cards(boardId), so invalidating that reaches it. */
  columnCards: (boardId: string, columnId: string, f: CardFilter) => ['cards', boardId, 'column', columnId, f] as const,
  card: (id: string) => ['card', id] as const,
  requests: (cardId: string) => ['requests', cardId] as const,
  conversations: (cardId: string) => ['conversations', cardId] as const,
  activity: (cardId: string) => ['activity', cardId] as const,
  comments: (cardId: string) => ['comments', cardId] as const,
  deliveries: (cardId: string) => ['deliveries', cardId] as const,
  requester: (id: string) => ['requester', id] as const,
  teammates: ['teammates'] as const,
  labels: (boardId: string) => ['labels', boardId] as const,
}

export const useBoards = () => useQuery({ queryKey: keys.boards, queryFn: ep.listBoards })
/** Who cards can be given to; read once a minute at most, shared by every tile's avatar. */
export const teammatesQuery = queryOptions({ queryKey: keys.teammates, queryFn: ep.listTeammates, staleTime: 60_000 })
export const useTeammates = () => useQuery(teammatesQuery)
/** The board's label colours, shared by every tile's chips. */
export const labelsQuery = (boardId: string) =>
  queryOptions({ queryKey: keys.labels(boardId), queryFn: () => ep.listBoardLabels(boardId), staleTime: 60_000 })
export const useBoardLabels = (boardId: string) => useQuery(labelsQuery(boardId))
export const boardQuery = (id: string) => queryOptions({ queryKey: keys.board(id), queryFn: () => ep.getBoard(id) })
export const useBoard = (id: string) => useQuery(boardQuery(id))
