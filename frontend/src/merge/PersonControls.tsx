import { useState } from 'react'
import type { Requester } from '../api/types'
import { Can } from '../auth/session'
import { MergeRequesterDialog } from './MergeRequesterDialog'

/** The person page's extras: download everything held about them (GDPR access); merge two addresses. */
export function PersonControls({ person }: { person: Requester }) {
  const [merging, setMerging] = useState(false)
  return (
    <div className="person-controls">
      <a className="btn btn-quiet" href={`/api/v1/requesters/${person.id}/export`} download>
        Download their data
      </a>
      <Can right="edit">
        <button type="button" className="btn" onClick={() => setMerging(true)}>
          Merge into another person…
        </button>
      </Can>
      {merging && <MergeRequesterDialog person={person} onClose={() => setMerging(false)} />}
    </div>
  )
}
