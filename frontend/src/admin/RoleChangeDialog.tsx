import type { Member, Role } from '../api/types'
import { roleHelp } from '../auth/roles'
import { Dialog } from '../ui/Dialog'

interface Props {
  member: Member
  role: Role
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** A role decides what someone may change: asked before it is saved, never from a select alone. */
export function RoleChangeDialog({ member, role, busy, onConfirm, onCancel }: Props) {
  return (
    <Dialog title={`Make ${member.name} ${role}?`} onClose={onCancel}>
      <div className="stack">
        <p>
          {member.name} is {member.role} today. As {role}, {member.name} {roleHelp[role]}. It applies from their next
          action.
        </p>
        <div className="actions">
          <button type="button" className="btn" data-autofocus onClick={onCancel}>
            Keep {member.role}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
            Make {role}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
