import type { SelectHTMLAttributes } from 'react'
import type { Role } from '../api/types'
import { roles } from '../auth/roles'

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: Role; onChange: (r: Role) => void }

/**
 * The four roles by name only, so the select stays short enough to read on a phone; what a
 * role may do is said next to it (roleHelp), not inside the options.
 */
export function RoleSelect({ value, onChange, ...rest }: Props) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  )
}
