import type { Card } from '../api/types'
import { useSession } from '../auth/session'
import { CardEditor } from './CardEditor'

/** Title, description, kind and labels: a form for editors, plain text for everyone else. */
export function CardDetails({ card }: { card: Card }) {
  const { can } = useSession()
  if (!can('edit'))
    return (
      <section className="card-details">
        <h2 className="drawer-title">{card.title}</h2>
        {card.description ? <p className="description">{card.description}</p> : <p className="muted">No description.</p>}
        {card.labels.length > 0 && (
          <div className="card-meta">
            {card.labels.map((l) => (
              <span key={l} className="label">
                {l}
              </span>
            ))}
          </div>
        )}
      </section>
    )
  return <CardEditor key={card.id} card={card} />
}
