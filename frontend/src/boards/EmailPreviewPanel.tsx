import { useQuery } from '@tanstack/react-query'
import * as ep from '../api/endpoints'
import { Spinner } from '../ui/States'

/** The shipped email as the notifier renders it, for the board's most requested card. */
export function EmailPreviewPanel({ boardId, cardId }: { boardId?: string; cardId?: string }) {
  const card = useQuery({
    queryKey: ['top-card', boardId],
    queryFn: () => ep.topCard(boardId!),
    enabled: !cardId && !!boardId,
  })
  const id = cardId ?? card.data?.id
  const preview = useQuery({
    queryKey: ['email-preview', id],
    queryFn: () => ep.emailPreview(id!),
    enabled: !!id,
    retry: false,
  })
  return (
    <section className="preview" aria-label="Email preview">
      <h3>Preview</h3>
      {!id ? (
        card.isPending && !cardId ? (
          <Spinner />
        ) : (
          <p className="muted">Add a card to this board to preview its shipped email.</p>
        )
      ) : preview.isPending ? (
        <Spinner label="Rendering…" />
      ) : preview.isError ? (
        <p className="muted">The preview is not available yet (the notifier renders it).</p>
      ) : (
        <div className="preview-mail">
          <div className="preview-head">
            <div>
              <span className="muted">To</span> {preview.data.to}
            </div>
            <div>
              <span className="muted">Subject</span> <strong data-testid="preview-subject">{preview.data.subject}</strong>
            </div>
          </div>
          {preview.data.html ? (
            <iframe title="Email HTML preview" sandbox="" srcDoc={preview.data.html} className="preview-frame" />
          ) : (
            <pre className="preview-text">{preview.data.text}</pre>
          )}
        </div>
      )}
    </section>
  )
}
