import { describe, expect, it, vi } from 'vitest'
import { act, render, screen } from '@testing-library/react'
import { FirstRevealProvider, useFirstReveal } from './firstReveal'

function Column({ id, settled }: { id: string; settled: boolean }) {
  const shown = useFirstReveal(id, settled)
  return <p>{`${id}: ${shown ? 'cards' : 'waiting'}`}</p>
}

function Board({ a, b }: { a: boolean; b: boolean }) {
  return (
    <FirstRevealProvider columnIds={['a', 'b']}>
      <Column id="a" settled={a} />
      <Column id="b" settled={b} />
    </FirstRevealProvider>
  )
}

describe('firstReveal', () => {
  it('shows the first cards only once every column has its first page', () => {
    vi.useFakeTimers()
    try {
      const { rerender } = render(<Board a={true} b={false} />)
      expect(screen.getByText('a: waiting')).toBeTruthy()
      act(() => {
        rerender(<Board a={true} b={true} />)
      })
      expect(screen.getByText('a: cards')).toBeTruthy()
      expect(screen.getByText('b: cards')).toBeTruthy()
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not wait for a slow column longer than a moment', () => {
    vi.useFakeTimers()
    try {
      render(<Board a={true} b={false} />)
      act(() => {
        vi.advanceTimersByTime(599)
      })
      expect(screen.getByText('a: waiting')).toBeTruthy()
      act(() => {
        vi.advanceTimersByTime(1)
      })
      expect(screen.getByText('a: cards')).toBeTruthy()
      expect(screen.getByText('b: cards')).toBeTruthy()
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows at once outside a board (a column on its own)', () => {
    render(<Column id="x" settled={false} />)
    expect(screen.getByText('x: cards')).toBeTruthy()
  })
})
