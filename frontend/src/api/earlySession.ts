import * as ep from './endpoints'
import type { Session } from './types'

// Who is signed in is asked once as the app opens (app/opening.ts), beside the first screen's
// data; the session provider takes that answer instead of asking again after React rendered.

let early: Promise<Session> | null = null

export function askSessionEarly() {
  early = ep.getSession()
  // Kept from an unhandled rejection until the session provider reads it.
  early.catch(() => {})
}

/** The session asked for at opening, once; later asks (a retry) go to the server again. */
export function takeSession(): Promise<Session> {
  const s = early ?? ep.getSession()
  early = null
  return s
}
