package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/email"
)

// lease is a batch a sender took, with the deliveries in it that are due now.
type lease struct {
	batchID uuid.UUID
	leases  int        // the batch's lease count when taken; finishing checks it
	kind    email.Kind // deliveries.kind: which email every item gets
	ws      email.Workspace
	items   []claimed
}

// claimed is a delivery of a leased batch, with what its email needs.
type claimed struct {
	ID          uuid.UUID
	RequesterID uuid.UUID // zero once erased
	Reason      string    // why it must not be sent (unsubscribed, bounced), or ""
	Attempts    int
	email.Recipient
	card email.Card
}

// claimSQL leases the batch that has been due longest and that no other sender is
// taking (SKIP LOCKED), until the lease ends, and reads its queued deliveries that
// are due, in requester order, with what their emails need. A requester who
// unsubscribed or bounced since the fan-out comes back with a reason and is
// suppressed instead of sent. The LEFT JOIN returns the batch even when nothing in it
// is due, so that it can be finished.
const claimSQL = `
WITH b AS (
    SELECT id FROM delivery_batches WHERE due_at <= now()
    ORDER BY due_at LIMIT 1
    FOR UPDATE SKIP LOCKED
), leased AS (
    UPDATE delivery_batches x SET due_at = now() + make_interval(secs => %f), leases = x.leases + 1
    FROM b WHERE x.id = b.id
    RETURNING x.id, x.leases, x.card_id, x.kind, x.first_requester, x.last_requester
)
SELECT l.id, l.leases, l.kind,
       COALESCE(d.id, '00000000-0000-0000-0000-000000000000'),
       COALESCE(d.requester_id, '00000000-0000-0000-0000-000000000000'),
       COALESCE(d.attempts, 0), COALESCE(r.email, ''), COALESCE(r.name, ''),
       CASE WHEN r.unsubscribed_at IS NOT NULL THEN 'unsubscribed'
            WHEN r.bounced_at IS NOT NULL THEN 'bounced'
            ELSE '' END,
       c.id, c.title, c.release_note, bo.name, COALESCE(et.subject, ''), COALESCE(et.body, ''), COALESCE(n.note, ''), COALESCE(q.quote, ''),
       ws.product_name, ws.sender_name, ws.reply_to, ws.signature, ws.accent_color
FROM leased l
JOIN cards c ON c.id = l.card_id
JOIN boards bo ON bo.id = c.board_id
CROSS JOIN workspace_settings ws
LEFT JOIN email_templates et ON et.board_id = c.board_id AND et.kind = l.kind
LEFT JOIN card_status_notes n ON n.card_id = l.card_id AND n.kind = l.kind
LEFT JOIN deliveries d ON d.card_id = l.card_id AND d.kind = l.kind
    AND d.requester_id BETWEEN l.first_requester AND l.last_requester
    AND d.batch_id = l.id AND d.status = 'queued' AND d.due_at <= now()
LEFT JOIN requesters r ON r.id = d.requester_id
LEFT JOIN requests q ON q.card_id = l.card_id AND q.requester_id = d.requester_id
ORDER BY d.requester_id`

func claimQuery(lease time.Duration) string {
	return fmt.Sprintf(claimSQL, lease.Seconds())
}

// claim leases the next due batch; ok is false when none is due.
func (s *Service) claim(ctx context.Context, query string) (l lease, ok bool, err error) {
	rows, err := s.pool.Query(ctx, query)
	if err != nil {
		return l, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var c claimed
		err := rows.Scan(&l.batchID, &l.leases, &l.kind, &c.ID, &c.RequesterID, &c.Attempts, &c.Email, &c.Name, &c.Reason,
			&c.card.ID, &c.card.Title, &c.card.ReleaseNote, &c.card.BoardName, &c.card.Subject, &c.card.Body, &c.card.Note, &c.Quote,
			&l.ws.ProductName, &l.ws.SenderName, &l.ws.ReplyTo, &l.ws.Signature, &l.ws.AccentColor)
		if err != nil {
			return l, false, err
		}
		ok = true
		if c.ID != uuid.Nil {
			l.items = append(l.items, c)
		}
	}
	return l, ok, rows.Err()
}
