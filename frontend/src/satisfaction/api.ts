import { api, query } from '../api/client'
import type { Page, Reaction, Satisfaction } from '../api/types'

// "Did this solve it?" for the team: a board's answers, and who answered what on one card.

export const satisfactionKeys = {
  board: (boardId: string) => ['satisfaction', boardId] as const,
  card: (cardId: string) => ['reactions', cardId] as const,
}

export const getSatisfaction = (boardId: string, cursor?: string) =>
  api<Satisfaction>('GET', `/boards/${boardId}/satisfaction` + query({ limit: 100, cursor }))

export const listReactions = (cardId: string, cursor?: string) =>
  api<Page<Reaction>>('GET', `/cards/${cardId}/reactions` + query({ limit: 50, cursor }))
