import { useId, useMemo } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useBoard } from '../api/queries'
import type { CardSatisfaction, Satisfaction } from '../api/types'
import { Link } from '../app/router'
import { formatDate } from '../ui/dates'
import { Empty, LoadError, Spinner } from '../ui/States'
import { AnswersChart } from './AnswersChart'
import { BoardTabs } from './BoardTabs'
import { getSatisfaction, satisfactionKeys } from './api'
import { chartDays, shortDay, type ChartDay } from './series'
import { shareOfYes } from './words'

/**
 * A board's answers to "Did this solve it?": the share of yes, the answers over the last
 * days, and each shipped card's counts (its drawer shows who said what).
 */
export function SatisfactionPage({ boardId }: { boardId: string }) {
  const board = useBoard(boardId)
  const sat = useInfiniteQuery({
    queryKey: satisfactionKeys.board(boardId),
    queryFn: ({ pageParam }) => getSatisfaction(boardId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  if (board.isPending) return <Spinner label="Loading board…" />
  if (board.isError)
    return (
      <main className="page narrow">
        <LoadError error={board.error} what="board" retry={() => void board.refetch()} />
      </main>
    )
  return (
    <main className="page satisfaction-page">
      <div className="board-head">
        <div className="board-title">
          <h1>{board.data.name}</h1>
          <BoardTabs boardId={boardId} current="satisfaction" />
        </div>
      </div>
      {sat.isPending ? (
        <Spinner label="Loading answers…" />
      ) : sat.isError ? (
        <LoadError error={sat.error} what="answers" retry={() => void sat.refetch()} />
      ) : (
        <Answers boardId={boardId} first={sat.data.pages[0]!} cards={sat.data.pages.flatMap((p) => p.items)}
          more={sat.hasNextPage ? () => void sat.fetchNextPage() : null} loadingMore={sat.isFetchingNextPage} />
      )}
    </main>
  )
}

interface AnswersProps {
  boardId: string
  first: Satisfaction
  cards: CardSatisfaction[]
  more: (() => void) | null
  loadingMore: boolean
}

function Answers({ boardId, first, cards, more, loadingMore }: AnswersProps) {
  const chartId = useId()
  const days = useMemo(() => chartDays(first.days, new Date()), [first.days])
  const { yes, no } = first.totals
  const share = shareOfYes(yes, no)
  if (cards.length === 0)
    return (
      <Empty title="Nothing on this board has shipped yet.">
        <p>Every shipped email asks “Did this solve it for you?”. The answers are counted here.</p>
      </Empty>
    )
  return (
    <>
      <section className="panel" aria-labelledby="sat-totals-h">
        <h2 id="sat-totals-h" className="sr-only">All answers</h2>
        <dl className="sat-figures">
          <div>
            <dt>Share of yes</dt>
            <dd>{share === null ? '–' : `${share}%`}</dd>
          </div>
          <div>
            <dt>Yes</dt>
            <dd className="answer-yes">{yes}</dd>
          </div>
          <div>
            <dt>Not quite</dt>
            <dd className="answer-no">{no}</dd>
          </div>
          <div>
            <dt>Shipped cards</dt>
            <dd>{more ? `${cards.length}+` : cards.length}</dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby={chartId}>
        <h2 id={chartId}>Answers over the last {days.length} days</h2>
        {yes + no === 0 ? (
          <p className="muted">Nobody has answered yet. Answers appear here as people press Yes or Not quite in their shipped email.</p>
        ) : (
          <>
            <AnswersChart days={days} labelledBy={chartId} />
            <DaysTable days={days} />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="sat-cards-h">
        <h2 id="sat-cards-h">Shipped cards</h2>
        <p className="muted">Newest first. Open a card to read who answered and what was still missing.</p>
        <div className="table-wrap">
          <table className="table sat-table">
            <thead>
              <tr>
                <th scope="col">Card</th>
                <th scope="col">Shipped</th>
                <th scope="col" className="num">Yes</th>
                <th scope="col" className="num">Not quite</th>
                <th scope="col">Share of yes</th>
              </tr>
            </thead>
            <tbody>
              {cards.map((c) => (
                <CardRow key={c.card_id} boardId={boardId} c={c} />
              ))}
            </tbody>
          </table>
        </div>
        {more && (
          <button type="button" className="btn" disabled={loadingMore} onClick={more}>
            {loadingMore ? 'Loading…' : 'Show more cards'}
          </button>
        )}
      </section>
    </>
  )
}

function CardRow({ boardId, c }: { boardId: string; c: CardSatisfaction }) {
  const share = shareOfYes(c.yes, c.no)
  return (
    <tr>
      <th scope="row">
        <Link href={`/boards/${boardId}?card=${c.card_id}`}>{c.title}</Link>
      </th>
      <td>{formatDate(c.shipped_at)}</td>
      <td className="num">{c.yes}</td>
      <td className="num">{c.no}</td>
      <td>
        {share === null ? (
          <span className="muted">no answers</span>
        ) : (
          <span className="share-cell">
            <span className="share-bar" aria-hidden="true">
              <span className="share-yes" style={{ width: `${share}%` }} />
              <span className="share-no" style={{ width: `${100 - share}%` }} />
            </span>
            {share}%
          </span>
        )}
      </td>
    </tr>
  )
}

/** The chart's figures as a table, for reading them exactly (and without the picture). */
function DaysTable({ days }: { days: ChartDay[] }) {
  const answered = days.filter((d) => d.yes + d.no > 0)
  return (
    <details className="chart-table">
      <summary>The figures, day by day</summary>
      <table className="table sat-table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className="num">Yes</th>
            <th scope="col" className="num">Not quite</th>
            <th scope="col" className="num">Share of yes so far</th>
          </tr>
        </thead>
        <tbody>
          {answered.map((d) => (
            <tr key={d.day}>
              <th scope="row">{shortDay(d.day)}</th>
              <td className="num">{d.yes}</td>
              <td className="num">{d.no}</td>
              <td className="num">{Math.round(d.share ?? 0)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
