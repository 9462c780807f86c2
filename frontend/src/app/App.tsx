import { lazy, Suspense, type ReactNode } from 'react'
import { useSession } from '../auth/session'
import { SignIn } from '../auth/SignIn'
import { BoardPage } from '../boards/BoardPage'
import { BoardsPage } from '../boards/BoardsPage'
import { Empty, Spinner } from '../ui/States'
import { TopBar } from './TopBar'
import { CommandPalette } from '../search/CommandPalette'
import { useLiveEvents } from '../api/live'
import { patchBoardColumns } from '../boards/livePatch'
import { Link, match, useLocation } from './router'

// The boards and a board are in the first download; every other screen is its own chunk,
// loaded when first opened, so opening a board downloads and runs only what a board needs.
const ForgotPassword = lazy(() => import('../profile/ForgotPassword').then((m) => ({ default: m.ForgotPassword })))
const PasswordLinkPage = lazy(() => import('../profile/PasswordLinkPage').then((m) => ({ default: m.PasswordLinkPage })))
const ProfilePage = lazy(() => import('../profile/ProfilePage').then((m) => ({ default: m.ProfilePage })))
const AdminPage = lazy(() => import('../admin/AdminPage').then((m) => ({ default: m.AdminPage })))
const FirstRunPrompt = lazy(() => import('../settings/FirstRunPrompt').then((m) => ({ default: m.FirstRunPrompt })))
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))
const RequesterPage = lazy(() => import('../requesters/RequesterPage').then((m) => ({ default: m.RequesterPage })))
const RequestersPage = lazy(() => import('../requesters/RequestersPage').then((m) => ({ default: m.RequestersPage })))
const LinkRequestPage = lazy(() => import('../support/LinkRequestPage').then((m) => ({ default: m.LinkRequestPage })))
const IntegrationsPage = lazy(() => import('../integrations/IntegrationsPage').then((m) => ({ default: m.IntegrationsPage })))
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage })))
// The satisfaction view carries the chart library.
const SatisfactionPage = lazy(() => import('../satisfaction/SatisfactionPage').then((m) => ({ default: m.SatisfactionPage })))

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner label="Loading…" />}>{children}</Suspense>
}

export function App() {
  const { state, retry } = useSession()
  const { path } = useLocation()
  const signedIn = state.status === 'signed-in'
  useLiveEvents(signedIn, patchBoardColumns)
  // The page of an emailed link opens whoever is signed in in this browser: it signs its own member in.
  const link = match('/invite/:token', path) ?? match('/reset-password/:token', path)
  if (link)
    return (
      <Loading>
        <PasswordLinkPage key={link.token} token={link.token!} />
      </Loading>
    )
  if (state.status === 'loading') return <Spinner label="Opening Closeloop…" />
  if (state.status === 'unreachable')
    return (
      <main className="page narrow">
        <Empty title="Closeloop is not answering.">
          <p>{state.message}</p>
          <button type="button" className="btn" onClick={retry}>
            Try again
          </button>
        </Empty>
      </main>
    )
  if (state.status === 'signed-out')
    return path === '/forgot-password' ? (
      <Loading>
        <ForgotPassword />
      </Loading>
    ) : (
      <SignIn reason={state.reason}>
        <Link href="/forgot-password" className="signin-forgot">
          Forgot password?
        </Link>
      </SignIn>
    )
  return (
    <>
      <TopBar />
      <CommandPalette />
      {/* Never above a board (it would push the columns off the screen): a board does not load it. */}
      {!path.startsWith('/boards/') && (
        <Suspense fallback={null}>
          <FirstRunPrompt />
        </Suspense>
      )}
      <Loading>
        <Screen />
      </Loading>
    </>
  )
}

function Screen() {
  const { path } = useLocation()
  let m: Record<string, string> | null
  if (path === '/' || path === '/boards') return <BoardsPage />
  if ((m = match('/boards/:id', path))) return <BoardPage key={m.id} boardId={m.id!} />
  if ((m = match('/boards/:id/satisfaction', path)))
    return <SatisfactionPage key={m.id} boardId={m.id!} />
  if (path === '/people') return <RequestersPage />
  if ((m = match('/people/:id', path))) return <RequesterPage key={m.id} requesterId={m.id!} />
  if (path === '/admin') return <AdminPage />
  if (path === '/link') return <LinkRequestPage />
  if (path === '/integrations') return <IntegrationsPage />
  if (path === '/webhooks') return <WebhooksPage />
  if (path === '/settings') return <SettingsPage />
  if (path === '/profile') return <ProfilePage />
  return (
    <main className="page narrow">
      <Empty title="There is no page here.">
        <Link href="/">Go to your boards</Link>
      </Empty>
    </main>
  )
}
