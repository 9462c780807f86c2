import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import type { Board, BoardPatch } from '../api/types'
import { keys } from '../api/queries'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { useToast } from '../ui/Toast'
import { maxSlug, publicLinks, slugFrom, slugProblem } from './publicLinks'

/**
 * Opt-in publishing of a board: its roadmap, changelog and Atom feed at /roadmap/<slug>,
 * readable by anyone with no login. Saved on its own, apart from the board's other settings.
 */
export function PublicRoadmapSettings({ board }: { board: Board }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [isPublic, setPublic] = useState(board.public)
  const [slug, setSlug] = useState(board.slug ?? '')
  const typed = slug.trim()
  const problem = slugProblem(slug)
  const save = useMutation({
    mutationFn: () => {
      // An empty slug on a public board lets the server make one from the name.
      const patch: BoardPatch = { public: isPublic }
      if (typed !== '' || !isPublic) patch.slug = typed
      return ep.updateBoard(board.id, patch)
    },
    onSuccess: (b) => {
      qc.setQueryData(keys.board(board.id), b)
      qc.invalidateQueries({ queryKey: keys.boards })
      setSlug(b.slug ?? '')
      setPublic(b.public)
      toast(b.public ? `The roadmap is public at /roadmap/${b.slug ?? ''}.` : 'The roadmap is no longer public.', 'success')
    },
  })
  const errors = formErrors(save.error, ['slug', 'public'])
  const changed = isPublic !== board.public || typed !== (board.slug ?? '')
  const shown = typed || board.slug || slugFrom(board.name)
  return (
    <fieldset className="subform public-roadmap">
      <legend>Public roadmap</legend>
      <FormError message={errors.form} />
      <label className="check">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} aria-describedby="public-roadmap-what" />
        Publish a roadmap, changelog and feed of this board
      </label>
      <p id="public-roadmap-what" className="hint">
        Anyone with the link, signed in or not, sees the titles, descriptions and release notes of its planned, in-progress and shipped
        cards, and can ask to be told when one ships. Never who asked, or how many.
      </p>
      <Field label="Address (slug)" optional={!isPublic} error={errors.fields.slug ?? problem ?? undefined}
        hint={<>Lowercase letters, digits and hyphens. {shown ? <>The roadmap’s address: <code>/roadmap/{shown}</code></> : null}{!typed && isPublic ? ' (made from the board’s name)' : ''}</>}>
        <input value={slug} onChange={(e) => setSlug(e.target.value)} maxLength={maxSlug + 20} placeholder={slugFrom(board.name) || 'product-roadmap'}
          autoCapitalize="none" autoCorrect="off" spellCheck={false} />
      </Field>
      <div className="actions">
        <button type="button" className="btn" disabled={!changed || problem !== null || save.isPending} onClick={() => save.mutate()}>
          {save.isPending ? 'Saving…' : 'Save public roadmap'}
        </button>
      </div>
      {board.public && board.slug && <PublicLinks slug={board.slug} />}
    </fieldset>
  )
}

function PublicLinks({ slug }: { slug: string }) {
  const links = publicLinks(slug)
  return (
    <div className="public-links">
      <p className="muted">Public now:</p>
      <ul>
        <PublicLink text="Roadmap" url={links.roadmap} />
        <PublicLink text="Changelog" url={links.changelog} />
        <PublicLink text="Atom feed" url={links.feed} />
      </ul>
    </div>
  )
}

function PublicLink({ text, url }: { text: string; url: string }) {
  const toast = useToast()
  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      toast(`${text} link copied.`, 'success')
    } catch {
      // No clipboard (an insecure origin, or permission refused): show the address to copy by hand.
      window.prompt(`Copy the ${text.toLowerCase()} link:`, url)
    }
  }
  return (
    <li>
      <a href={url} target="_blank" rel="noopener noreferrer">
        {text}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>{' '}
      <code className="public-url">{url}</code>{' '}
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        Copy link<span className="sr-only"> to the {text.toLowerCase()}</span>
      </button>
    </li>
  )
}
