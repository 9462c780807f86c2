import * as ep from '../api/endpoints'
import type { Board, Card } from '../api/types'

export interface FoundCard {
  card: Card
  board: Board
}

/**
 * Cards matching the text on every board (each board's own search, its 20 most asked),
 * most asked first. A number (12, #12, closeloop-12) also finds that card once numbers exist.
 */
export async function searchCards(text: string): Promise<FoundCard[]> {
  const boards = await ep.listBoards()
  const perBoard = await Promise.all(
    boards.map(async (board) => (await ep.searchBoardCards(board.id, text, 20)).map((card) => ({ card, board }))),
  )
  return perBoard.flat().sort((a, b) => b.card.requester_count - a.card.requester_count).slice(0, 20)
}
