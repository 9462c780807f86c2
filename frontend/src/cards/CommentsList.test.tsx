import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { makeCard } from '../test/fixtures'
import type { Comment } from '../api/types'
import { CommentsList } from './CommentsList'

const at = '2025-03-01T10:00:00Z'
const mine: Comment = { id: 'c1', card_id: 'k1', author_id: 'm-support', author: 'Pat support', body: 'Asked again on a call', created_at: at, updated_at: at }
const theirs: Comment = { id: 'c2', card_id: 'k1', author_id: 'm-other', author: 'Robin', body: 'Planned for May', created_at: at, updated_at: at }

describe('CommentsList', () => {
  it('posts a comment and offers edit and delete on one’s own only', async () => {
    let items: Comment[] = [mine, theirs]
    const calls = mockApi({
      'GET /session': () => sessionFor('support'),
      'GET /cards/k1/comments': () => ({ items, next_cursor: null }),
      'POST /cards/k1/comments': () => {
        const c = { ...mine, id: 'c3', body: 'New note' }
        items = [...items, c]
        return [201, c]
      },
    })
    const user = userEvent.setup()
    renderApp(<CommentsList card={makeCard()} />)
    expect(await screen.findByText('Planned for May')).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1)
    await user.type(screen.getByLabelText('New comment'), 'New note')
    await user.click(screen.getByRole('button', { name: 'Comment' }))
    expect(await screen.findByText('New note')).toBeTruthy()
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ body: 'New note' })
  })

  it('shows no composer to a viewer', async () => {
    mockApi({
      'GET /session': () => sessionFor('viewer'),
      'GET /cards/k1/comments': () => ({ items: [theirs], next_cursor: null }),
    })
    renderApp(<CommentsList card={makeCard()} />)
    expect(await screen.findByText('Planned for May')).toBeTruthy()
    expect(screen.queryByLabelText('New comment')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull()
  })
})
