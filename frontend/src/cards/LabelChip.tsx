import { memo } from 'react'
import { useBoardLabels } from '../api/queries'

/** A label in its board colour (grey until the board's labels are read). */
export const LabelChip = memo(function LabelChip({ boardId, name }: { boardId: string; name: string }) {
  const labels = useBoardLabels(boardId)
  const color = labels.data?.find((l) => l.name === name)?.color ?? 'grey'
  return <span className={'label label-' + color}>{name}</span>
})
