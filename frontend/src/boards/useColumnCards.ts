import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { CardFilter } from '../api/endpoints'
import { keys } from '../api/queries'

/** The first page is what a column shows at once; later pages come as the person scrolls. */
export const firstPage = 40
export const nextPages = 100

/** One page of a column: the first one short (what shows at once), later ones longer. */
export const columnPage = (boardId: string, columnId: string, filter: Required<CardFilter>, cursor: string | null, signal?: AbortSignal) =>
  ep.listColumnPage(boardId, columnId, filter, cursor, cursor ? nextPages : firstPage, signal)

/** One column's pages under the board's filters: what the column reads, and what opening a board asks for early. */
export const columnCardsQuery = (boardId: string, columnId: string, filter: Required<CardFilter>) =>
  infiniteQueryOptions({
    queryKey: keys.columnCards(boardId, columnId, filter),
    queryFn: ({ pageParam, signal }) => columnPage(boardId, columnId, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  })

/**
 * One column's cards under the board's filters, page by page (the API's cursor), with the
 * true count. While a new filter's first page is on its way the column keeps showing what it
 * showed, so typing a search never flashes the whole board or an empty one.
 */
export function useColumnCards(boardId: string, columnId: string, filter: Required<CardFilter>) {
  return useInfiniteQuery({ ...columnCardsQuery(boardId, columnId, filter), placeholderData: keepPreviousData })
}
