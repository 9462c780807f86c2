import type { Board, CardPage } from '../api/types'

// What public/opening.js asked for before the app ran (a board's address, no filter): the
// board, then each column's first page. Each answer is taken once; after that (a refetch, a
// retry, another board) the app asks the server itself.

interface Early {
  boardId: string
  board?: Promise<Board>
  pages: Promise<Record<string, Promise<CardPage> | undefined>>
}

declare global {
  interface Window {
    __closeloopOpening?: Early
  }
}

function early(boardId: string): Early | undefined {
  const e = window.__closeloopOpening
  return e && e.boardId === boardId.toLowerCase() ? e : undefined
}

/** The board as opening.js asked for it, or undefined (taken already, not asked, another board). */
export function takeEarlyBoard(boardId: string): Promise<Board> | undefined {
  const e = early(boardId)
  const b = e?.board
  if (e) delete e.board
  return b
}

/** A column's unfiltered first page as opening.js asked for it, once; undefined otherwise. */
export async function takeEarlyPage(boardId: string, columnId: string): Promise<CardPage | undefined> {
  const e = early(boardId)
  if (!e) return undefined
  const pages = await e.pages.catch(() => undefined)
  const p = pages?.[columnId]
  if (pages) delete pages[columnId]
  return p?.catch(() => undefined)
}
