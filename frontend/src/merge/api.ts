import { api } from '../api/client'
import type { CardMerge, RequesterMerge } from '../api/types'

export const previewMerge = (cardId: string, intoId: string) =>
  api<CardMerge>('POST', `/cards/${cardId}/merge?dry_run=true`, { into_id: intoId })
export const mergeCard = (cardId: string, intoId: string) => api<CardMerge>('POST', `/cards/${cardId}/merge`, { into_id: intoId })
export const unmergeCard = (cardId: string) => api<CardMerge>('POST', `/cards/${cardId}/unmerge`)
export const mergeRequester = (id: string, intoId: string) =>
  api<RequesterMerge>('POST', `/requesters/${id}/merge`, { into_id: intoId })
