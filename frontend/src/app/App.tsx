import { lazy, Suspense } from 'react'
import { useSession } from '../auth/session'
import { SignIn } from '../auth/SignIn'
import { ForgotPassword } from '../profile/ForgotPassword'
import { PasswordLinkPage } from '../profile/PasswordLinkPage'
import { ProfilePage } from '../profile/ProfilePage'
import { AdminPage } from '../admin/AdminPage'
import { FirstRunPrompt } from '../settings/FirstRunPrompt'
import { SettingsPage } from '../settings/SettingsPage'
import { BoardPage } from '../boards/BoardPage'
import { BoardsPage } from '../boards/BoardsPage'
import { RequesterPage } from '../requesters/RequesterPage'
import { RequestersPage } from '../requesters/RequestersPage'
import { LinkRequestPage } from '../support/LinkRequestPage'
import { IntegrationsPage } from '../integrations/IntegrationsPage'
import { WebhooksPage } from '../webhooks/WebhooksPage'
import { Empty, Spinner } from '../ui/States'
import { TopBar } from './TopBar'
import { CommandPalette } from '../search/CommandPalette'
import { useLiveEvents } from '../api/live'
import { patchBoardColumns } from '../boards/livePatch'
import { Link, match, useLocation } from './router'

// The satisfaction view carries the chart library: loaded when first opened, not with the board.
const SatisfactionPage = lazy(() => import('../satisfaction/SatisfactionPage').then((m) => ({ default: m.SatisfactionPage })))

export function App() {
  const { state, retry } = useSession()
  const { path } = useLocation()
  useLiveEvents(state.status === 'signed-in', patchBoardColumns)
  // The page of an emailed link opens whoever is signed in in this browser: it signs its own member in.
  const link = match('/invite/:token', path) ?? match('/reset-password/:token', path)
  if (link) return <PasswordLinkPage key={link.token} token={link.token!} />
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
      <ForgotPassword />
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
      <FirstRunPrompt />
      <Screen />
    </>
  )
}

function Screen() {
  const { path } = useLocation()
  let m: Record<string, string> | null
  if (path === '/' || path === '/boards') return <BoardsPage />
  if ((m = match('/boards/:id', path))) return <BoardPage key={m.id} boardId={m.id!} />
  if ((m = match('/boards/:id/satisfaction', path)))
    return (
      <Suspense fallback={<Spinner label="Loading satisfaction…" />}>
        <SatisfactionPage key={m.id} boardId={m.id!} />
      </Suspense>
    )
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
