import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { liveQueue } from '../api/liveQueue'
import { keys, useTeammates } from '../api/queries'
import type { Card } from '../api/types'
import { useSession } from '../auth/session'
import { describe } from '../ui/errors'

/** Who owns the card: editors pick a teammate (or nobody); others see the name. */
export function OwnerSelect({ card }: { card: Card }) {
  const qc = useQueryClient()
  const { can } = useSession()
  const teammates = useTeammates()
  const save = useMutation({
    // Ownership is one field on its own: the last choice wins, whatever else changed.
    mutationFn: (owner: string | null) => ep.setCardOwner(card.id, owner),
    onSuccess: (updated) => {
      // The one card, in place in its column's pages (and the drawer): no page is downloaded again.
      liveQueue(qc).now('card.updated', updated, card.column_id)
      void qc.invalidateQueries({ queryKey: keys.activity(card.id) })
    },
  })
  const list = teammates.data ?? []
  const current = card.owner_id ?? ''
  const known = current === '' || list.some((m) => m.id === current)
  if (!can('edit')) {
    const name = current === '' ? 'Nobody' : (list.find((m) => m.id === current)?.name ?? 'A former member')
    return (
      <p className="owner-field">
        <span className="muted">Owner</span> {name}
      </p>
    )
  }
  return (
    <div className="owner-field">
      <label htmlFor={'owner-' + card.id}>Owner</label>{' '}
      <select
        id={'owner-' + card.id}
        value={current}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value || null)}
      >
        <option value="">Nobody</option>
        {!known && <option value={current}>A former member</option>}
        {list.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {save.error != null && <p className="form-error">{describe(save.error)}</p>}
    </div>
  )
}
