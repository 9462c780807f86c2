import { describe, expect, it } from 'vitest'
import { fireEvent, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Board } from '../api/types'
import { board } from '../test/fixtures'
import { mockApi, renderApp, screen, sessionFor } from '../test/harness'
import { PublicRoadmapSettings } from './PublicRoadmapSettings'
import { slugFrom, slugProblem } from './publicLinks'

function setup(start: Board = board, answer: (body: Record<string, unknown>) => unknown = (b) => ({ ...start, ...b, slug: b.slug ?? 'ideas' })) {
  const calls = mockApi({ 'GET /session': () => sessionFor('editor'), 'PATCH /boards/b1': (c) => answer(c.body as Record<string, unknown>) })
  renderApp(<PublicRoadmapSettings board={start} />)
  return calls
}

const fieldset = () => within(screen.getByRole('group', { name: 'Public roadmap' }))

describe('making a board public', () => {
  it('publishes with a slug made by the server when none is typed, then links the roadmap, changelog and feed', async () => {
    const calls = setup()
    const f = fieldset()
    expect(f.queryByRole('link', { name: /Roadmap/ })).toBeNull()
    expect(f.getByRole('button', { name: 'Save public roadmap' })).toHaveProperty('disabled', true)
    await userEvent.click(f.getByRole('checkbox', { name: 'Publish a roadmap, changelog and feed of this board' }))
    expect(f.getByText('/roadmap/ideas', { selector: 'code' })).toBeTruthy()
    await userEvent.click(f.getByRole('button', { name: 'Save public roadmap' }))
    await screen.findByText('The roadmap is public at /roadmap/ideas.')
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ public: true })
  })

  it('shows the links of a public board, each with a copy button', () => {
    setup({ ...board, public: true, slug: 'acme-roadmap' })
    const f = fieldset()
    const origin = window.location.origin
    expect(f.getByRole('link', { name: /^Roadmap ?\(opens in a new tab\)$/ }).getAttribute('href')).toBe(`${origin}/roadmap/acme-roadmap`)
    expect(f.getByRole('link', { name: /^Changelog ?\(opens in a new tab\)$/ }).getAttribute('href')).toBe(`${origin}/roadmap/acme-roadmap/changelog`)
    expect(f.getByRole('link', { name: /^Atom feed ?\(opens in a new tab\)$/ }).getAttribute('href')).toBe(`${origin}/roadmap/acme-roadmap/feed.atom`)
    expect(f.getAllByRole('button', { name: /^Copy link ?to the / }).map((b) => b.textContent)).toEqual([
      'Copy link to the roadmap', 'Copy link to the changelog', 'Copy link to the atom feed',
    ])
  })

  it('names what is wrong with a slug as it is typed, and does not save it', () => {
    const calls = setup({ ...board, public: true, slug: 'ideas' })
    const f = fieldset()
    const input = f.getByRole('textbox', { name: /Address \(slug\)/ })
    fireEvent.change(input, { target: { value: 'Product Roadmap' } })
    expect(f.getByRole('alert').textContent).toBe('Use lowercase letters only.')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(input, { target: { value: 'product--roadmap' } })
    expect(f.getByRole('alert').textContent).toBe('Hyphens go between words, one at a time.')
    expect(f.getByRole('button', { name: 'Save public roadmap' })).toHaveProperty('disabled', true)
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false)
  })

  it('shows the server’s message under the slug (a slug another board has)', async () => {
    setup({ ...board, public: true, slug: 'ideas' }, () => [422, {
      error: { code: 'validation_failed', message: 'Validation failed', fields: { slug: "is the address of another board's roadmap; choose another" } },
    }])
    const f = fieldset()
    fireEvent.change(f.getByRole('textbox', { name: /Address/ }), { target: { value: 'taken' } })
    await userEvent.click(f.getByRole('button', { name: 'Save public roadmap' }))
    expect((await f.findByRole('alert')).textContent).toBe("is the address of another board's roadmap; choose another")
  })

  it('unpublishes, sending the slug kept', async () => {
    const calls = setup({ ...board, public: true, slug: 'ideas' }, (b) => ({ ...board, ...b }))
    await userEvent.click(fieldset().getByRole('checkbox'))
    await userEvent.click(fieldset().getByRole('button', { name: 'Save public roadmap' }))
    await screen.findByText('The roadmap is no longer public.')
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ public: false, slug: 'ideas' })
  })
})

describe('slugs', () => {
  it('are made from names as the server makes them', () => {
    expect(slugFrom('Product Roadmap 2026!')).toBe('product-roadmap-2026')
    expect(slugFrom('  Café — menu ')).toBe('caf-menu')
    expect(slugFrom('日本')).toBe('')
  })
  it('accept what the server accepts', () => {
    for (const ok of ['', 'a', 'product-roadmap', 'v2-api']) expect(slugProblem(ok)).toBeNull()
    for (const bad of ['-a', 'a-', 'a b', 'a_b', 'ä', 'x'.repeat(61)]) expect(slugProblem(bad)).not.toBeNull()
  })
})
