import { createContext, startTransition, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'

/**
 * A board's first cards go into the page in one background render once every column's first
 * page is in (public/opening.js asks for them all at once, so they arrive together), or after
 * revealWait when one is slow. One render that React can slice (the browser paints and handles
 * input between the slices), instead of one per column arriving on its own, each interrupting and
 * restarting the others' (what a deferred value per column did). After that, every change shows
 * at once.
 */
const revealWait = 600

interface FirstReveal {
  shown: boolean
  arrived: (columnId: string) => void
}

const Ctx = createContext<FirstReveal>({ shown: true, arrived: () => {} })

export function FirstRevealProvider({ columnIds, children }: { columnIds: readonly string[]; children: ReactNode }) {
  const [shown, setShown] = useState(false)
  const seen = useRef(new Set<string>())
  const want = useRef(columnIds)
  // Before the columns' effects, which report to arrived.
  useLayoutEffect(() => {
    want.current = columnIds
  }, [columnIds])
  const show = useCallback(() => startTransition(() => setShown(true)), [])
  const arrived = useCallback(
    (columnId: string) => {
      seen.current.add(columnId)
      if (want.current.every((id) => seen.current.has(id))) show()
    },
    [show],
  )
  useEffect(() => {
    const t = setTimeout(show, revealWait)
    return () => clearTimeout(t)
  }, [show])
  const value = useMemo(() => ({ shown, arrived }), [shown, arrived])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

/** Whether a column shows its cards yet; the column reports when its first page is in (or failed). */
export function useFirstReveal(columnId: string, settled: boolean): boolean {
  const { shown, arrived } = useContext(Ctx)
  useEffect(() => {
    if (settled && !shown) arrived(columnId)
  }, [settled, shown, arrived, columnId])
  return shown
}
