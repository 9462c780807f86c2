// Signing in: through the form like a person, or through the API to set a test up quickly.
import { expect, type APIResponse, type Page } from '@playwright/test'
import type { components } from '../src/api/schema.gen'
import type { Person } from './people'

export async function signIn(page: Page, who: Person) {
  await page.goto('/')
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('role').waitFor()
}

type Board = components['schemas']['Board']
type Card = components['schemas']['Card']

/**
 * Signs the page's browser context in through the API (the page then opens signed in) and
 * returns calls for setting up data, each checked to succeed.
 */
export async function apiAs(page: Page, who: Person) {
  const session = await page.request.post('/api/v1/session', { data: { email: who.email, password: who.password } })
  await ok(session)
  const { csrf_token: csrf } = (await session.json()) as components['schemas']['Session']
  const write = async <T>(method: 'post' | 'patch', path: string, data: unknown): Promise<T> => {
    const r = await page.request[method]('/api/v1' + path, { data, headers: { 'X-CSRF-Token': csrf } })
    await ok(r)
    return (await r.json()) as T
  }
  return {
    /** A board with the default columns and the given cards in its first column. */
    async board(name: string, cards: string[] = [], extra: Record<string, unknown> = {}) {
      const board = await write<Board>('post', '/boards', { name, ...extra })
      const created: Card[] = []
      for (const title of cards)
        created.push(await write<Card>('post', `/boards/${board.id}/cards`, { column_id: board.columns[0]!.id, kind: 'idea', title }))
      return { board, cards: created }
    },
    /** Links a requester; the fourth argument is their quote, or more fields of the request. */
    link: (cardId: string, email: string, name: string, more: string | Record<string, unknown> = {}) =>
      write('post', `/cards/${cardId}/requests`, { email, name, ...(typeof more === 'string' ? { quote: more } : more) }),
    card: (boardId: string, columnId: string, title: string) => write<Card>('post', `/boards/${boardId}/cards`, { column_id: columnId, kind: 'idea', title }),
    move: (cardId: string, columnId: string, extra: Record<string, unknown> = {}) =>
      write<Card>('post', `/cards/${cardId}/move`, { column_id: columnId, ...extra }),
    patch: <T>(path: string, data: unknown) => write<T>('patch', path, data),
    member: (m: Person & { role: string }) => write('post', '/members', m),
    token: (name: string, role: string) => write('post', '/tokens', { name, role }),
  }
}

async function ok(r: APIResponse) {
  expect(r.ok(), `${r.url()} answered ${r.status()}: ${await r.text()}`).toBeTruthy()
}
