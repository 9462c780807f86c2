import { Link } from '../app/router'

/** The board's two views: its cards, and what the people emailed said about what shipped. */
export function BoardTabs({ boardId, current }: { boardId: string; current: 'cards' | 'satisfaction' }) {
  const tab = (view: typeof current, href: string, text: string) => (
    <Link href={href} className="board-tab" aria-current={current === view ? 'page' : undefined}>
      {text}
    </Link>
  )
  return (
    <nav className="board-tabs" aria-label="Board views">
      {tab('cards', `/boards/${boardId}`, 'Cards')}
      {tab('satisfaction', `/boards/${boardId}/satisfaction`, 'Satisfaction')}
    </nav>
  )
}
