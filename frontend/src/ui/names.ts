import type { Kind, Stage } from '../api/types'

// What the UI calls the API's stages and kinds, in the order it offers them.

export const stageName: Record<Stage, string> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
}

export const stages = Object.keys(stageName) as Stage[]

export const kindName: Record<Kind, string> = { idea: 'Idea', issue: 'Issue', request: 'Request' }
export const kinds = Object.keys(kindName) as Kind[]
