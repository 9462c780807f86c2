// Where a request came from: the API's `source` values (api.md, "Requests without a link").
// '' lets the server take the conversation link's tool (else "other").
export const requestSources = [
  { value: '', label: 'From the link' },
  { value: 'intercom', label: 'Intercom' },
  { value: 'zendesk', label: 'Zendesk' },
  { value: 'freshdesk', label: 'Freshdesk' },
  { value: 'helpscout', label: 'Help Scout' },
  { value: 'front', label: 'Front' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone call' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'chat', label: 'Chat' },
  { value: 'other', label: 'Somewhere else' },
] as const

/** Only "From the link" needs a link; a phone call or a meeting has none. */
export function sourceNeedsLink(source: string): boolean {
  return source === ''
}
