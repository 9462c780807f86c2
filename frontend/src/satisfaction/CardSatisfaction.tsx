import { useInfiniteQuery } from '@tanstack/react-query'
import type { Card, Reaction } from '../api/types'
import { Link } from '../app/router'
import { formatDate } from '../ui/dates'
import { describe } from '../ui/errors'
import { Spinner } from '../ui/States'
import { listReactions, satisfactionKeys } from './api'
import { answerName, shareOfYes } from './words'

/**
 * The drawer's "Did this solve it?": how many of the people emailed said yes or not quite,
 * and each answer with who gave it and their words. Shown once a card has shipped.
 */
export function CardSatisfaction({ card }: { card: Card }) {
  const { yes, no } = card.reactions
  if (!card.shipped_at && yes + no === 0) return null
  const share = shareOfYes(yes, no)
  return (
    <section className="section satisfaction" aria-labelledby="satisfaction-h">
      <h3 id="satisfaction-h">Did this solve it?</h3>
      <p className="answer-counts">
        <span className="answer-count answer-yes">
          Yes <strong>{yes}</strong>
        </span>
        <span className="answer-count answer-no">
          Not quite <strong>{no}</strong>
        </span>
        {share !== null && <span className="muted">{share}% said yes</span>}
      </p>
      {yes + no > 0 && <ShareBar yes={yes} no={no} />}
      {yes + no === 0 ? (
        <p className="muted">Nobody has answered yet. Every shipped email asks “Did this solve it for you?”; answers appear here.</p>
      ) : (
        <Answers cardId={card.id} />
      )}
    </section>
  )
}

/** The split as a bar; the figures beside it say the same in words. */
function ShareBar({ yes, no }: { yes: number; no: number }) {
  return (
    <div className="share-bar" aria-hidden="true">
      <span className="share-yes" style={{ width: `${(100 * yes) / (yes + no)}%` }} />
      <span className="share-no" style={{ width: `${(100 * no) / (yes + no)}%` }} />
    </div>
  )
}

function Answers({ cardId }: { cardId: string }) {
  const answers = useInfiniteQuery({
    queryKey: satisfactionKeys.card(cardId),
    queryFn: ({ pageParam }) => listReactions(cardId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  if (answers.isPending) return <Spinner label="Loading answers…" />
  if (answers.isError) return <p className="form-error">{describe(answers.error)}</p>
  const items = answers.data.pages.flatMap((p) => p.items)
  return (
    <>
      <ul className="reactions" aria-label="Answers, newest first">
        {items.map((r) => (
          <AnswerItem key={r.delivery_id} r={r} />
        ))}
      </ul>
      {answers.hasNextPage && (
        <button type="button" className="btn btn-small" disabled={answers.isFetchingNextPage} onClick={() => void answers.fetchNextPage()}>
          {answers.isFetchingNextPage ? 'Loading…' : 'Show more answers'}
        </button>
      )}
    </>
  )
}

function AnswerItem({ r }: { r: Reaction }) {
  const who = r.requester ? r.requester.name || r.requester.email : null
  return (
    <li className={'reaction reaction-' + r.answer}>
      <div className="reaction-head">
        <span className={'answer-badge answer-' + r.answer}>{answerName[r.answer]}</span>{' '}
        {r.requester && who ? (
          <Link href={`/people/${r.requester.id}`} className="reaction-who">
            {who}
          </Link>
        ) : (
          <span className="muted">someone since erased</span>
        )}{' '}
        <span className="muted">· {formatDate(r.answered_at)}</span>
      </div>
      {r.comment && <blockquote className="quote">“{r.comment}”</blockquote>}
    </li>
  )
}
