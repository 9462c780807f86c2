import { useSession } from '../auth/session'
import { Link, useLocation } from './router'
import { useLiveConnected } from '../api/live'

export function TopBar() {
  const { member, can, signOut } = useSession()
  const { path } = useLocation()
  const live = useLiveConnected()
  const current = (prefix: string) =>
    (prefix === '/' ? path === '/' || path.startsWith('/boards') : path.startsWith(prefix)) ? 'page' : undefined
  return (
    <header className="topbar">
      <Link href="/" className="brand" aria-label="Closeloop home">
        <span className="brand-mark" aria-hidden="true">◎</span> Closeloop
      </Link>
      <nav className="topnav" aria-label="Main">
        <Link href="/" aria-current={current('/')}>Boards</Link>
        <Link href="/people" aria-current={current('/people')}>People</Link>
        {can('link') && (
          <Link href="/link" aria-current={current('/link')}>Link a request</Link>
        )}
        {can('admin') && (
          <Link href="/admin" aria-current={current('/admin')}>Members</Link>
        )}
        {can('admin') && (
          <Link href="/integrations" aria-current={current('/integrations')}>Integrations</Link>
        )}
        {can('admin') && (
          <Link href="/webhooks" aria-current={current('/webhooks')}>Webhooks</Link>
        )}
        {can('admin') && (
          <Link href="/settings" aria-current={current('/settings')}>Settings</Link>
        )}
      </nav>
      <div className="whoami">
        <span className={'live-dot' + (live ? ' live-on' : '')} data-live={live ? 'on' : 'off'} role="status"
          title={live ? 'Live: changes by others appear as they happen' : 'Not live: reconnecting…'}>
          <span className="sr-only">{live ? 'Live updates on' : 'Live updates reconnecting'}</span>
        </span>
        <span className="kbd-hint muted small" aria-hidden="true">Ctrl K search</span>
        <Link href="/profile" className="whoami-name" title={`Your profile (${member?.email ?? ''})`} aria-current={current('/profile')}>
          {member?.name || member?.email}
        </Link>
        <span className={'role role-' + member?.role} data-testid="role">{member?.role}</span>
        <button type="button" className="btn btn-quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </header>
  )
}
