import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useBoardLabels, useTeammates } from '../api/queries'
import type { LabelColor } from '../api/types'

/**
 * What a card's face looks up beyond the card: its labels' colours and its owner's name.
 * Read once for the board (two queries) and handed to every tile through context, instead of
 * two query observers per tile: a board opens with hundreds of tiles.
 */
export interface TileLook {
  /** The label's board colour, or undefined until the board's labels are read (shown grey). */
  labelColor: (name: string) => LabelColor | undefined
  /** The member's name; null for someone no longer on the team; undefined until the team is read. */
  ownerName: (id: string) => string | null | undefined
}

const nothingYet: TileLook = { labelColor: () => undefined, ownerName: () => undefined }
const TileLookContext = createContext<TileLook>(nothingYet)

export function useTileLook(): TileLook {
  return useContext(TileLookContext)
}

export function TileLookProvider({ boardId, children }: { boardId: string; children: ReactNode }) {
  const labels = useBoardLabels(boardId).data
  const teammates = useTeammates().data
  // A new value (re-rendering every tile) only when the labels or the team really change:
  // the queries keep the same data objects when a refetch answers the same.
  const look = useMemo<TileLook>(() => {
    const colors = new Map(labels?.map((l) => [l.name, l.color]))
    const names = new Map(teammates?.map((m) => [m.id, m.name]))
    return {
      labelColor: (name) => colors.get(name),
      ownerName: (id) => (teammates ? (names.get(id) ?? null) : undefined),
    }
  }, [labels, teammates])
  return <TileLookContext.Provider value={look}>{children}</TileLookContext.Provider>
}
