import { useState } from 'react'

/** Copies a value to the clipboard and says so; `what` names it for screen readers. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  function copy() {
    const clip = navigator.clipboard
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent on plain-http origins, whatever lib.dom says
    if (!clip) return setState('failed')
    clip.writeText(value).then(() => setState('copied'), () => setState('failed'))
  }
  return (
    <button type="button" className="btn btn-small" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
      <span className="sr-only"> {what}</span>
    </button>
  )
}

/** A value to paste elsewhere (a URL, a secret, a JSON body), with its copy button. */
export function CopyField({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  return (
    <div className="copy-field">
      <span className="copy-label">{label}</span>
      <div className="copy-row">
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling block must take focus to be scrolled by keyboard (axe scrollable-region-focusable) */}
        {multiline ? <pre className="copy-value" tabIndex={0} aria-label={label}>{value}</pre> : <code className="copy-value">{value}</code>}
        <CopyButton value={value} what={label.toLowerCase()} />
      </div>
    </div>
  )
}
