import { useEffect, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../api/client'
import * as ep from '../api/endpoints'
import type { components } from '../api/schema.gen'
import { Field, FormError } from '../ui/Field'
import { formErrors } from '../ui/errors'
import { Spinner } from '../ui/States'
import { useToast } from '../ui/Toast'

type Template = components['schemas']['EmailTemplate']
type TemplateList = components['schemas']['TemplateList']
type Preview = components['schemas']['EmailPreview']
type EmailKind = Template['kind']

const kindName: Record<EmailKind, string> = {
  shipped: 'Shipped',
  planned: 'Planned',
  in_progress: 'In progress',
  declined: 'Declined',
}

const listTemplates = (boardId: string) => api<TemplateList>('GET', `/boards/${boardId}/templates`)
const putTemplate = (boardId: string, kind: EmailKind, t: { subject: string; body: string }) =>
  api<Template>('PUT', `/boards/${boardId}/templates/${kind}`, t)
const previewDraft = (cardId: string, kind: EmailKind, subject: string, body: string, requesterId?: string) =>
  api<Preview>(
    'GET',
    `/cards/${cardId}/email-preview?` +
      new URLSearchParams({ kind, subject, body, ...(requesterId ? { requester_id: requesterId } : {}) }).toString(),
  )

/** The board's email templates, one per kind, with a live preview for a real requester. */
export function TemplateEditor({ boardId }: { boardId: string }) {
  const templates = useQuery({ queryKey: ['templates', boardId], queryFn: () => listTemplates(boardId) })
  const [kind, setKind] = useState<EmailKind>('shipped')
  if (templates.isPending) return <Spinner />
  if (templates.isError) return <FormError message="The email templates could not be loaded." />
  const t = templates.data.items.find((i) => i.kind === kind)!
  return (
    <section className="template-editor stack" aria-labelledby="templates-h">
      <h3 id="templates-h">Emails to requesters</h3>
      <Field label="Email" hint={t.custom ? "This board's own wording." : 'The default wording.'}>
        <select value={kind} onChange={(e) => setKind(e.target.value as EmailKind)}>
          {templates.data.items.map((i) => (
            <option key={i.kind} value={i.kind}>
              {kindName[i.kind]}
            </option>
          ))}
        </select>
      </Field>
      <KindEditor key={kind + (t.updated_at ?? '')} boardId={boardId} template={t} placeholders={templates.data.placeholders} />
    </section>
  )
}

function KindEditor({ boardId, template, placeholders }: { boardId: string; template: Template; placeholders: string[] }) {
  const qc = useQueryClient()
  const toast = useToast()
  const [subject, setSubject] = useState(template.subject)
  const [body, setBody] = useState(template.body)
  const save = useMutation({
    mutationFn: () => putTemplate(boardId, template.kind, { subject, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['templates', boardId] })
      toast(`The ${kindName[template.kind].toLowerCase()} email is saved.`, 'success')
    },
  })
  const errors = formErrors(save.error, ['subject', 'body'])
  return (
    <div className="stack">
      <FormError message={errors.form} />
      <Field label="Subject" error={errors.fields.subject}>
        <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={200} />
      </Field>
      <Field
        label="Body"
        error={errors.fields.body}
        hint={
          <>
            Placeholders: {placeholders.map((p) => `{{${p}}}`).join(' ')}. A paragraph with {'{{quote}}'}, {'{{note}}'} or{' '}
            {'{{release_note}}'} is left out when there is none.
          </>
        }
      >
        <textarea rows={12} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
      </Field>
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={save.isPending} onClick={() => save.mutate()}>
          Save {kindName[template.kind].toLowerCase()} email
        </button>
      </div>
      <DraftPreview boardId={boardId} kind={template.kind} subject={subject} body={body} />
    </div>
  )
}

/** The draft as the most requested card's first requester would get it, re-rendered as one types. */
function DraftPreview({ boardId, kind, subject, body }: { boardId: string; kind: EmailKind; subject: string; body: string }) {
  const [draft, setDraft] = useState({ subject, body })
  useEffect(() => {
    const t = setTimeout(() => setDraft({ subject, body }), 300)
    return () => clearTimeout(t)
  }, [subject, body])
  const card = useQuery({ queryKey: ['top-card', boardId], queryFn: () => ep.topCard(boardId) })
  const cardId = card.data?.id
  const requesters = useQuery({
    queryKey: ['preview-requester', cardId],
    queryFn: () => api<{ items: { requester: { id: string } }[] }>('GET', `/cards/${cardId}/requests?limit=1`),
    enabled: !!cardId,
  })
  const requesterId = requesters.data?.items[0]?.requester.id
  const preview = useQuery({
    queryKey: ['email-preview', 'draft', cardId, requesterId, kind, draft.subject, draft.body],
    queryFn: () => previewDraft(cardId!, kind, draft.subject, draft.body, requesterId),
    enabled: !!cardId && requesters.isFetched,
    retry: false,
  })
  return (
    <section className="preview" aria-label="Template preview">
      <h4>Preview{requesterId ? ' for a requester of the most requested card' : ''}</h4>
      {!cardId ? (
        <p className="muted">Add a card to this board to preview its emails.</p>
      ) : preview.isPending ? (
        <Spinner label="Rendering…" />
      ) : preview.isError ? (
        <p className="muted">{formErrors(preview.error, ['subject', 'body']).fields.body ?? formErrors(preview.error, ['subject', 'body']).fields.subject ?? 'The preview is not available.'}</p>
      ) : (
        <div className="preview-mail">
          <div className="preview-head">
            <div>
              <span className="muted">To</span> {preview.data.to}
            </div>
            <div>
              <span className="muted">Subject</span> <strong data-testid="template-preview-subject">{preview.data.subject}</strong>
            </div>
          </div>
          <iframe title="Template HTML preview" sandbox="" srcDoc={preview.data.html} className="preview-frame" />
        </div>
      )}
    </section>
  )
}
