import { useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { keys } from '../api/queries'
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
    const refresh = () => {
      void qc.invalidateQueries({ queryKey: keys.cards(card.board_id) })
      void qc.invalidateQueries({ queryKey: keys.card(card.id) })
    }
    await ep.archiveCard(card.id)
    refresh()
    toast(`Archived “${card.title}”.`, 'info', {
      label: 'Undo',
      run: () =>
        void ep.restoreCard(card.id).then(
          () => {
            refresh()
            toast(`Restored “${card.title}”.`, 'success')
          },
          (e: unknown) => toast(describe(e), 'error'),
        ),
    })
  }
}
