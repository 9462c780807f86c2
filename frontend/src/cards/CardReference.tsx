import { useState } from 'react'

/** A card's reference, as support tools and spreadsheets name it: closeloop-12. */
export function cardReference(number: number): string {
  return `closeloop-${number}`
}

/** "#12" and a button that copies the card's reference (closeloop-12) to the clipboard. */
export function CardReference({ number }: { number: number }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const ref = cardReference(number)
  async function copy() {
    try {
      await navigator.clipboard.writeText(ref)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <span className="card-ref">
      <span className="card-number">#{number}</span>
      <button type="button" className="btn btn-quiet btn-small" onClick={() => void copy()} title={`Copies ${ref}`}>
        Copy reference
      </button>
      <span role="status" className="card-ref-status">
        {copied === 'yes' ? `Copied ${ref}` : copied === 'failed' ? `Copy failed: the reference is ${ref}` : ''}
      </span>
    </span>
  )
}
