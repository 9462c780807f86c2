import { useSession } from '../auth/session'
import { Empty } from '../ui/States'
import { MembersPanel } from './MembersPanel'
import { TokensPanel } from './TokensPanel'

export function AdminPage() {
  const { can } = useSession()
  if (!can('admin'))
    return (
      <main className="page narrow">
        <Empty title="Only admins manage members and tokens.">Ask an admin if you need access for someone.</Empty>
      </main>
    )
  return (
    <main className="page">
      <div className="page-head">
        <h1>Members and API tokens</h1>
      </div>
      <MembersPanel />
      <TokensPanel />
    </main>
  )
}
