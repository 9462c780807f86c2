import { useEffect, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Import, ImportPreview } from '../api/types'
import { keys } from '../api/queries'
import { navigate } from '../app/router'
import { Dialog } from '../ui/Dialog'
import { describe } from '../ui/errors'
import { stageName } from '../ui/names'
import { getImport, previewTrello, startTrello } from './upload'

/** Import from Trello: choose the export, see the columns and stages it will create, import, watch it. */
export function TrelloImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [started, setStarted] = useState<Import | null>(null)
  const preview = useMutation({ mutationFn: previewTrello })
  const start = useMutation({ mutationFn: startTrello, onSuccess: setStarted })
  function choose(f: File | null) {
    setFile(f)
    preview.reset()
    if (f) preview.mutate(f)
  }
  return (
    <Dialog title="Import from Trello" onClose={onClose} wide>
      {started ? (
        <ImportProgress started={started} onClose={onClose} />
      ) : (
        <div className="dialog-body">
          <p className="muted">
            In Trello: board menu → <em>Print, export and share</em> → <em>Export as JSON</em>. Up to 40 MiB; nothing is
            written until you press Import, and nobody is emailed.
          </p>
          <label className="field">
            <span className="field-label">Trello export (.json)</span>
            <input type="file" accept="application/json,.json" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          </label>
          {preview.isPending && <p role="status">Reading the export…</p>}
          {preview.error != null && (
            <p className="form-error" role="alert">
              {describe(preview.error)}
            </p>
          )}
          {preview.data && <PreviewTable preview={preview.data} />}
          {start.error != null && (
            <p className="form-error" role="alert">
              {describe(start.error)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!file || !preview.data || start.isPending}
              onClick={() => file && start.mutate(file)}
            >
              {start.isPending ? 'Uploading…' : 'Import'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const c = preview.counts
  return (
    <section aria-label="What the import will create">
      <h3>“{preview.name}” will get these columns</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Stage</th>
            <th scope="col">Cards</th>
            <th scope="col">Archived</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((col, i) => (
            <tr key={i}>
              <td>
                {col.name}
                {col.archived && <span className="badge"> archived list</span>}
              </td>
              <td>{stageName[col.stage]}</td>
              <td>{col.cards}</td>
              <td>{col.archived_cards}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {c.cards} cards, {c.archived_cards} archived, {c.labels} labels, {c.comments} comments
        {c.skipped > 0 && <>, {c.skipped} skipped</>}.
      </p>
      {preview.warnings.length > 0 && (
        <ul className="notes">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The running import, polled until it is done; then what it made and a way to it. */
function ImportProgress({ started, onClose }: { started: Import; onClose: () => void }) {
  const qc = useQueryClient()
  const im = useQuery({
    queryKey: ['import', started.id],
    queryFn: () => getImport(started.id),
    initialData: started,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 300 : false),
  })
  const d = im.data
  useEffect(() => {
    if (d.status === 'done') void qc.invalidateQueries({ queryKey: keys.boards })
  }, [d.status, qc])
  const c = d.counts
  return (
    <div className="dialog-body">
      <label className="field">
        <span className="field-label" id="import-progress">
          {d.status === 'running' ? 'Importing…' : d.status === 'done' ? 'Imported' : 'The import failed'}
        </span>
        <progress aria-labelledby="import-progress" max={Math.max(d.progress.total, 1)} value={d.progress.done} />
        <span className="muted" role="status">
          {d.progress.done} of {d.progress.total}
        </span>
      </label>
      {d.status === 'done' && (
        <p role="status" className="import-result">
          {c.columns} columns, {c.cards} cards, {c.archived_cards} archived, {c.labels} labels, {c.comments} comments
          {c.skipped > 0 && <>, {c.skipped} skipped</>}.
        </p>
      )}
      {d.errors.length > 0 && (
        <ul className="form-error" role="alert">
          {d.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {d.warnings.length > 0 && (
        <ul className="notes">
          {d.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
        {d.status === 'done' && d.board_id && (
          <button type="button" className="btn btn-primary" onClick={() => navigate(`/boards/${d.board_id}`)}>
            Open the board
          </button>
        )}
      </div>
    </div>
  )
}
