import { ApiError } from '../api/client'
import * as ep from '../api/endpoints'
import type { Board, Card } from '../api/types'

export interface FoundCard {
  card: Card
  board: Board
}

/**
 * Cards matching the text on every board (each board's own search, its 20 most asked),
 * most asked first. A number (12, #12, closeloop-12) finds that card first.
 */
export async function searchCards(text: string): Promise<FoundCard[]> {
  const boards = await ep.listBoards()
  const n = /^(?:#|closeloop-)?(\d{1,9})$/i.exec(text.trim())
  const byNumber = n ? await cardNumbered(Number(n[1])) : null
  const numbered = byNumber ? boards.filter((b) => b.id === byNumber.board_id).map((board) => ({ card: byNumber, board })) : []
  const perBoard = await Promise.all(
    boards.map(async (board) => (await ep.searchBoardCards(board.id, text, 20)).map((card) => ({ card, board }))),
  )
  const rest = perBoard.flat().filter((f) => f.card.id !== byNumber?.id)
  return [...numbered, ...rest.sort((a, b) => b.card.requester_count - a.card.requester_count)].slice(0, 20)
}

async function cardNumbered(n: number): Promise<Card | null> {
  try {
    return await ep.getCardByNumber(n)
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }
}
