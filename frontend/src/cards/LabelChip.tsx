import { memo } from 'react'
import { useBoardLabels } from '../api/queries'

/** A label in its board colour (grey until the board's labels are read). On a tile it filters the board (the tile's click handler reads data-label). */
export const LabelChip = memo(function LabelChip({ boardId, name, filters }: { boardId: string; name: string; filters?: boolean }) {
  const labels = useBoardLabels(boardId)
  const color = labels.data?.find((l) => l.name === name)?.color ?? 'grey'
  return (
    <span className={'label label-' + color} data-label={filters ? name : undefined} title={filters ? `Show only cards labelled “${name}”` : undefined}>
      {name}
    </span>
  )
})
