import type { CardFilter } from '../api/endpoints'
import type { Kind } from '../api/types'

const sorts = ['position', 'demand', 'recent'] as const
const kinds = ['idea', 'issue', 'request'] as const

/** Filters live in the URL so a filtered board can be shared and survives a reload. */
export function filterFrom(params: URLSearchParams): Required<CardFilter> {
  const sort = params.get('sort')
  const kind = params.get('kind')
  return {
    q: params.get('q') ?? '',
    kind: (kinds as readonly string[]).includes(kind ?? '') ? (kind as Kind) : '',
    label: params.get('label') ?? '',
    owner: params.get('owner') === 'me' ? 'me' : '',
    sort: (sorts as readonly string[]).includes(sort ?? '') ? (sort as CardFilter['sort'] & string) : 'position',
  }
}
