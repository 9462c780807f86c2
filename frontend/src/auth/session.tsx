import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client'
import * as ep from '../api/endpoints'
import { takeSession } from '../api/earlySession'
import type { Member, SignedIn } from '../api/types'
import { can, type Right } from './roles'

type State =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; member: Member }
  | { status: 'unreachable'; message: string }

interface SessionValue {
  state: State
  member: Member | null
  can: (right: Right) => boolean
  signIn: (email: string, password: string) => Promise<void>
  /** Takes a session the API opened another way (a password set through an emailed link). */
  adopt: (s: SignedIn) => void
  /** The signed-in member changed (their own name on the profile page). */
  setMember: (m: Member) => void
  signOut: () => Promise<void>
  retry: () => void
}

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' })
  const qc = useQueryClient()
  // A 401 ends a session only when there was one: what opening asked for early (the board)
  // answers 401 too when nobody is signed in, and that is no "session ended".
  const signedIn = useRef(false)
  useEffect(() => {
    signedIn.current = state.status === 'signed-in'
  }, [state.status])

  // Asks who is signed in; the state is 'loading' until the answer comes.
  const ask = useCallback(() => {
    takeSession().then(
      (s) => {
        setCsrfToken(s.csrf_token)
        setState({ status: 'signed-in', member: s.member })
      },
      (e: unknown) => {
        if (e instanceof ApiError && (e.status === 401 || e.status === 404)) setState({ status: 'signed-out' })
        else setState({ status: 'unreachable', message: e instanceof Error ? e.message : 'The server did not answer.' })
      },
    )
  }, [])
  const load = useCallback(() => {
    setState({ status: 'loading' })
    ask()
  }, [ask])

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!signedIn.current) return
      setCsrfToken('')
      qc.clear()
      setState({ status: 'signed-out', reason: 'Your session ended. Please sign in again.' })
    })
    ask()
  }, [ask, qc])

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await ep.signIn(email, password)
    setCsrfToken(s.csrf_token)
    qc.clear()
    setState({ status: 'signed-in', member: s.member })
  }, [qc])

  const adopt = useCallback((s: SignedIn) => {
    setCsrfToken(s.csrf_token)
    qc.clear()
    setState({ status: 'signed-in', member: s.member })
  }, [qc])

  const setMember = useCallback((m: Member) => setState({ status: 'signed-in', member: m }), [])

  const signOut = useCallback(async () => {
    try {
      await ep.signOut()
    } finally {
      setCsrfToken('')
      qc.clear()
      setState({ status: 'signed-out' })
    }
  }, [qc])

  const value = useMemo<SessionValue>(() => {
    const member = state.status === 'signed-in' ? state.member : null
    return { state, member, can: (r) => can(member?.role, r), signIn, adopt, setMember, signOut, retry: load }
  }, [state, signIn, adopt, setMember, signOut, load])

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext)
  if (!v) throw new Error('useSession outside SessionProvider')
  return v
}

/** Renders children only when the signed-in member has the right: actions a role lacks are hidden. */
export function Can({ right, children }: { right: Right; children: ReactNode }) {
  const { can } = useSession()
  return can(right) ? <>{children}</> : null
}
