import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { keys } from '../api/queries'
import * as ep from '../api/endpoints'
import { filterFrom } from '../boards/boardFilter'
import { firstPage } from '../boards/useColumnCards'
import { startOpening } from './opening'
import openingScript from '../../public/opening.js?raw'

const boardId = '01a237f1-1861-7bc2-b78f-97d4019d2573'
const columns = [{ id: 'c1' }, { id: 'c2' }]
const page = (col: string) => ({ items: [{ id: 'card-' + col }], next_cursor: null, total: 1 })

/** A fake server: every URL asked for, in order; the board and each column's page answered. */
function serve() {
  const asked: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      asked.push(url)
      const u = new URL(url, 'http://x')
      const body = u.pathname.endsWith('/cards') ? page(u.searchParams.get('column_id')!) : u.pathname === `/api/v1/boards/${boardId}` ? { id: boardId, columns } : { items: [], next_cursor: null }
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    }),
  )
  return asked
}

/** public/opening.js as index.html runs it, on the page's current address. */
function runOpeningScript() {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the script as the page runs it, not code built from data
  ;(new Function(openingScript) as () => void)()
}

const settle = () => new Promise((r) => setTimeout(r, 20))

afterEach(() => {
  delete window.__closeloopOpening
  window.history.replaceState(null, '', '/')
})

/** The board's address opened as index.html does: opening.js first, then the app's opening. */
async function openBoard() {
  const asked = serve()
  window.history.replaceState(null, '', `/boards/${boardId}`)
  runOpeningScript()
  const qc = new QueryClient()
  startOpening(qc)
  await settle()
  return { asked, qc }
}

describe('opening a board before the app runs (public/opening.js)', () => {
  it('asks for each column the same first page the app asks for with no filter', async () => {
    const asked = serve()
    await ep.listColumnPage(boardId, 'c1', filterFrom(new URLSearchParams()), null, firstPage)
    const appURL = asked.pop()!
    window.history.replaceState(null, '', `/boards/${boardId}`)
    runOpeningScript()
    await settle()
    expect(asked).toEqual([`/api/v1/boards/${boardId}`, appURL, appURL.replace('c1', 'c2')])
  })

  it('hands its answers to the app, which asks the server for nothing twice', async () => {
    const { asked, qc } = await openBoard()
    const twice = asked.filter((u, i) => asked.indexOf(u) !== i)
    expect(twice).toEqual([])
    const filter = filterFrom(new URLSearchParams())
    expect(qc.getQueryData(keys.board(boardId))).toEqual({ id: boardId, columns })
    expect(qc.getQueryData(keys.columnCards(boardId, 'c2', filter))).toEqual({ pages: [page('c2')], pageParams: [null] })
  })

  it('asks for nothing on a filtered board: the app asks with its filter', async () => {
    const asked = serve()
    window.history.replaceState(null, '', `/boards/${boardId}?q=chart`)
    runOpeningScript()
    await settle()
    expect(asked).toEqual([])
    expect(window.__closeloopOpening).toBeUndefined()
  })

  it('gives each answer once: a refetch asks the server', async () => {
    const { asked, qc } = await openBoard()
    const before = asked.filter((u) => u.includes('column_id=c1')).length
    await qc.refetchQueries({ queryKey: keys.columnCards(boardId, 'c1', filterFrom(new URLSearchParams())) })
    expect(asked.filter((u) => u.includes('column_id=c1')).length).toBe(before + 1)
  })
})
