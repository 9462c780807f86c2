import { lazy, Suspense, useMemo, useState } from 'react'
import { setParam, useLocation } from '../app/router'
import { Can, useSession } from '../auth/session'
import { LoadError, Spinner } from '../ui/States'
import { BoardCanvas } from './BoardCanvas'
import { BoardExportLinks } from '../imports/ImportButtons'
import { BoardToolbar } from './BoardToolbar'
import { KeysHint, ShortcutSheet } from './ShortcutSheet'
import { useBoard } from '../api/queries'
import { BoardTabs } from '../satisfaction/BoardTabs'
import { filterFrom } from './boardFilter'

// What a board opens on demand (the card drawer, the dialogs) is loaded when first opened.
const CardDrawer = lazy(() => import('../cards/CardDrawer').then((m) => ({ default: m.CardDrawer })))
const BoardSettings = lazy(() => import('./BoardSettings').then((m) => ({ default: m.BoardSettings })))
const LabelsDialog = lazy(() => import('./LabelsDialog').then((m) => ({ default: m.LabelsDialog })))
const ArchivedCards = lazy(() => import('./ArchivedCards').then((m) => ({ default: m.ArchivedCards })))

export function BoardPage({ boardId }: { boardId: string }) {
  const board = useBoard(boardId)
  const { params } = useLocation()
  const parsed = filterFrom(params)
  // One object per filter, so columns (memoised) re-render only when the filter changes.
  const filter = useMemo(
    () => ({ q: parsed.q, kind: parsed.kind, label: parsed.label, owner: parsed.owner, sort: parsed.sort }),
    [parsed.q, parsed.kind, parsed.label, parsed.owner, parsed.sort],
  )
  const openCard = params.get('card')
  const [settings, setSettings] = useState(false)
  const [archive, setArchive] = useState(false)
  const [keysShown, setKeysShown] = useState(false)
  const [labelsShown, setLabelsShown] = useState(false)
  const { can } = useSession()

  if (board.isPending) return <Spinner label="Loading board…" />
  if (board.isError)
    return (
      <main className="page narrow">
        <LoadError error={board.error} what="board" retry={() => void board.refetch()} />
      </main>
    )
  const b = board.data
  return (
    <main className="board-page">
      <div className="board-head">
        <div className="board-title">
          <h1>{b.name}</h1>
          {b.description && <p className="muted">{b.description}</p>}
        </div>
        <BoardExportLinks boardId={b.id} />
        <button type="button" className="btn" onClick={() => setArchive(true)}>
          Archived
        </button>
        <Can right="edit">
          <button type="button" className="btn" onClick={() => setLabelsShown(true)}>
            Labels
          </button>
          <button type="button" className="btn" onClick={() => setSettings(true)}>
            Board settings
          </button>
        </Can>
      </div>
      <BoardTabs boardId={b.id} current="cards" />
      <BoardToolbar boardId={b.id} filter={filter} hint={<KeysHint canEdit={can('edit')} onOpen={() => setKeysShown(true)} />} />
      <BoardCanvas board={b} filter={filter} onHelp={() => setKeysShown(true)} />
      <Suspense fallback={null}>
        {openCard && <CardDrawer key={openCard} cardId={openCard} board={b} onClose={() => setParam('card', null)} />}
        {settings && <BoardSettings board={b} onClose={() => setSettings(false)} />}
        {labelsShown && <LabelsDialog boardId={b.id} onClose={() => setLabelsShown(false)} />}
        {archive && <ArchivedCards board={b} onClose={() => setArchive(false)} />}
      </Suspense>
      {keysShown && <ShortcutSheet canEdit={can('edit')} onClose={() => setKeysShown(false)} />}
    </main>
  )
}
