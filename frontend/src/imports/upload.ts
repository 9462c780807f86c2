import { api } from '../api/client'
import type { Import, ImportPreview, RequestsImport } from '../api/types'

// Uploads send the file itself as the body, with its own Content-Type.

export const previewTrello = (file: Blob) =>
  api<ImportPreview>('POST', '/imports/trello?dry_run=true', undefined, { raw: { body: file, type: 'application/json' } })
export const startTrello = (file: Blob) =>
  api<Import>('POST', '/imports/trello', undefined, { raw: { body: file, type: 'application/json' } })
export const getImport = (id: string) => api<Import>('GET', `/imports/${id}`)
export const importRequests = (file: Blob, dryRun: boolean) =>
  api<RequestsImport>('POST', '/imports/requests' + (dryRun ? '?dry_run=true' : ''), undefined, {
    raw: { body: file, type: 'text/csv' },
  })
