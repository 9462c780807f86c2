import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { RequestsImport } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { describe } from '../ui/errors'
import { importRequests } from './upload'

/** Link people from a spreadsheet: a check first (which rows are wrong and why), then link the rest. */
export function RequestsImportDialog({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const check = useMutation({ mutationFn: (f: File) => importRequests(f, true) })
  const link = useMutation({ mutationFn: (f: File) => importRequests(f, false), onSuccess: () => void qc.invalidateQueries() })
  const result = link.data ?? check.data
  return (
    <Dialog title="Import requests (CSV)" onClose={onClose} wide>
      <div className="dialog-body">
        <p className="muted">
          One request per row, with the header <code>email,name,company,card,quote,source,conversation_url</code>.{' '}
          <code>card</code> is a number (12), a reference (closeloop-12), an id or the exact title.
        </p>
        <label className="field">
          <span className="field-label">Spreadsheet (.csv)</span>
          <input
            type="file"
            accept="text/csv,.csv"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null
              setFile(f)
              link.reset()
              check.reset()
              if (f) check.mutate(f)
            }}
          />
        </label>
        {(check.error ?? link.error) != null && (
          <p className="form-error" role="alert">
            {describe(check.error ?? link.error)}
          </p>
        )}
        {result && <RequestsResult result={result} />}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {link.data ? 'Close' : 'Cancel'}
          </button>
          {!link.data && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={!file || !check.data || check.data.linked === 0 || link.isPending}
              onClick={() => file && link.mutate(file)}
            >
              {link.isPending ? 'Linking…' : `Link ${check.data?.linked ?? 0} rows`}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  )
}

function RequestsResult({ result: r }: { result: RequestsImport }) {
  return (
    <section aria-label={r.dry_run ? 'What the import will do' : 'What the import did'}>
      <p role="status">
        {r.dry_run ? 'Checked' : 'Linked'}: {r.linked} of {r.rows} rows {r.dry_run ? 'can be linked' : 'linked'} ({r.new_requests} new
        requests, {r.new_requesters} new people).
        {r.shipped_emails > 0 && <> {r.shipped_emails} people asked for cards that already shipped: they get the shipped email.</>}
      </p>
      {r.errors.length > 0 && (
        <table className="table">
          <caption>Rows that will not be linked</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">What is wrong</th>
            </tr>
          </thead>
          <tbody>
            {r.errors.map((e) => (
              <tr key={`${e.row}-${e.field}`}>
                <td>{e.row}</td>
                <td>{e.field}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.warnings.length > 0 && (
        <ul className="notes">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
