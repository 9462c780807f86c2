import { useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { liveQueue } from '../api/liveQueue'
import { keys } from '../api/queries'
import type { Card } from '../api/types'
import { describe } from '../ui/errors'
import { useToast } from '../ui/Toast'

interface Archivable {
  id: string
  board_id: string
  title: string
}

/**
 * Archives a card and says so in a toast that offers Undo (restore). The drawer's button and
 * the board's `a` shortcut both archive through this.
 */
export function useArchive() {
  const qc = useQueryClient()
  const toast = useToast()
  return async function archive(card: Archivable) {
    // The one card leaves (or rejoins) its column's pages in place; the archive list is read again.
    const changed = (c: Card, type: string, before: string | null) => {
      liveQueue(qc).now(type, c, before)
      void qc.invalidateQueries({ queryKey: [...keys.cards(card.board_id), 'archived'] })
    }
    const archived = await ep.archiveCard(card.id)
    changed(archived, 'card.archived', archived.column_id)
    toast(`Archived “${card.title}”.`, 'info', {
      label: 'Undo',
      run: () =>
        void ep.restoreCard(card.id).then(
          (restored) => {
            changed(restored, 'card.updated', null)
            toast(`Restored “${card.title}”.`, 'success')
          },
          (e: unknown) => toast(describe(e), 'error'),
        ),
    })
  }
}
