import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, type ReactNode } from 'react'

// Forms inside a panel (the card drawer) say what they hold that is not saved yet, so the panel
// can ask before closing drops it, and a reload or closed tab asks too.

interface Registry {
  set: (key: string, what: string | null) => void
  /** What is unsaved right now, e.g. ["the description", "the release note"]. */
  pending: () => string[]
}

const UnsavedContext = createContext<Registry | null>(null)

export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const edits = useRef(new Map<string, string>())
  const set = useCallback((key: string, what: string | null) => {
    if (what) edits.current.set(key, what)
    else edits.current.delete(key)
  }, [])
  const pending = useCallback(() => [...edits.current.values()], [])
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (edits.current.size > 0) e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])
  const value = useMemo(() => ({ set, pending }), [set, pending])
  return <UnsavedContext.Provider value={value}>{children}</UnsavedContext.Provider>
}

/** Registers what this form holds unsaved (null: nothing), for as long as it is mounted. */
export function useUnsavedEdits(what: string | null) {
  const registry = useContext(UnsavedContext)
  const key = useId()
  useEffect(() => {
    registry?.set(key, what)
    return () => registry?.set(key, null)
  }, [registry, key, what])
}

/** What the forms below the nearest provider hold unsaved. */
export function usePendingEdits(): () => string[] {
  const registry = useContext(UnsavedContext)
  return registry?.pending ?? noEdits
}

const noEdits = () => []

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1]!
}
