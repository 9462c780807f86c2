import type { LabelColor } from '../api/types'

/** A label in its board colour (grey until the board's labels are read). On a tile it filters the board (the tile's click handler reads data-label). */
export function LabelChip({ name, color, filters }: { name: string; color: LabelColor | undefined; filters?: boolean }) {
  return (
    <span className={'label label-' + (color ?? 'grey')} data-label={filters ? name : undefined} title={filters ? `Show only cards labelled “${name}”` : undefined}>
      {name}
    </span>
  )
}
