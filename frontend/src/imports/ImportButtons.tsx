import { lazy, Suspense, useState } from 'react'
import { Can } from '../auth/session'

const RequestsImportDialog = lazy(() => import('./RequestsImportDialog').then((m) => ({ default: m.RequestsImportDialog })))
const TrelloImportDialog = lazy(() => import('./TrelloImportDialog').then((m) => ({ default: m.TrelloImportDialog })))

/** The boards page's way in: Import from Trello, and requests from a spreadsheet (editors). */
export function ImportButtons() {
  const [open, setOpen] = useState<'trello' | 'csv' | null>(null)
  return (
    <Can right="edit">
      <div className="import-buttons">
        <button type="button" className="btn" onClick={() => setOpen('trello')}>
          Import from Trello
        </button>
        <button type="button" className="btn" onClick={() => setOpen('csv')}>
          Import requests (CSV)
        </button>
      </div>
      <Suspense fallback={null}>
        {open === 'trello' && <TrelloImportDialog onClose={() => setOpen(null)} />}
        {open === 'csv' && <RequestsImportDialog onClose={() => setOpen(null)} />}
      </Suspense>
    </Can>
  )
}

/** Downloads of a board: the whole board as JSON (importable again) and its requests as CSV. */
export function BoardExportLinks({ boardId }: { boardId: string }) {
  return (
    <span className="export-links">
      <a className="btn btn-quiet" href={`/api/v1/boards/${boardId}/export.csv`} download>
        Export CSV
      </a>
      <a className="btn btn-quiet" href={`/api/v1/boards/${boardId}/export.json`} download>
        Export JSON
      </a>
    </span>
  )
}
