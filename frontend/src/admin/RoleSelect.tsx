import type { Role } from '../api/types'
import { roleHelp, roles } from '../auth/roles'

export function RoleSelect({ value, onChange, id, label }: { value: Role; onChange: (r: Role) => void; id?: string; label?: string }) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {r} — {roleHelp[r]}
        </option>
      ))}
    </select>
  )
}
