import type { Tool } from '../api/types'

// Small monochrome marks for where a conversation lives; text labels go with them for clarity.
const toolName: Record<Tool, string> = {
  intercom: 'Intercom',
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  helpscout: 'Help Scout',
  front: 'Front',
  email: 'Email',
  other: 'Link',
}

const toolGlyph: Record<Tool, string> = {
  intercom: '◉',
  zendesk: 'Z',
  freshdesk: 'F',
  helpscout: 'H',
  front: '▶',
  email: '✉',
  other: '↗',
}

export function ToolIcon({ tool }: { tool: Tool }) {
  const t = tool in toolName ? tool : 'other'
  return (
    <span className={'tool tool-' + t} title={toolName[t]} aria-hidden="true">
      {toolGlyph[t]}
    </span>
  )
}

export function toolLabel(tool: Tool): string {
  return toolName[tool]
}
