package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

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

// leaseSQL leases the batch that has been due longest and that no other sender is
// taking (SKIP LOCKED), until the lease ends. It is a statement of its own, apart
// from the read of the batch's deliveries (claimSQL), because it is what every idle
// poll runs (each sender, every PollInterval): planned with the others it was a join
// of ten tables planned on every poll, and with the statistics of a database that grew
// fast since its last analyze (cards made by the thousand) the planner put the cards
// first and walked the whole cards index for a batch that was not there (14,000
// buffers, 13 ms a poll, while 15,000 cards were being made; docs/benchmarks.md,
// "Eighth session"). Alone it reads one index entry when nothing is due.
const leaseSQL = `
WITH b AS (
    SELECT id FROM delivery_batches WHERE due_at <= now()
    ORDER BY due_at LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE delivery_batches x SET due_at = now() + make_interval(secs => %f), leases = x.leases + 1
FROM b WHERE x.id = b.id
RETURNING x.id, x.leases, x.kind, x.card_id, x.first_requester, x.last_requester`

// claimSQL reads the leased batch's queued deliveries that are due, in requester
// order, with what their emails need; the batch is its parameters ($1 the batch, $2
// its card, $3 its kind, $4 and $5 its first and last requester), so every table is
// reached by its key. A requester who unsubscribed or bounced since the fan-out comes
// back with a reason and is suppressed instead of sent. The LEFT JOIN returns a row
// even when nothing in the batch is due, so that it can be finished.
const claimSQL = `
SELECT COALESCE(d.id, '00000000-0000-0000-0000-000000000000'),
       COALESCE(d.requester_id, '00000000-0000-0000-0000-000000000000'),
       COALESCE(d.attempts, 0), COALESCE(r.email, ''), COALESCE(r.name, ''),
       CASE WHEN r.unsubscribed_at IS NOT NULL THEN 'unsubscribed'
            WHEN r.bounced_at IS NOT NULL THEN 'bounced'
            ELSE '' END,
       c.id, c.title, c.release_note, bo.name, COALESCE(et.subject, ''), COALESCE(et.body, ''), COALESCE(n.note, ''), COALESCE(q.quote, ''),
       ws.product_name, ws.sender_name, ws.reply_to, ws.signature, ws.accent_color
FROM cards c
JOIN boards bo ON bo.id = c.board_id
CROSS JOIN workspace_settings ws
LEFT JOIN email_templates et ON et.board_id = c.board_id AND et.kind = $3
LEFT JOIN card_status_notes n ON n.card_id = c.id AND n.kind = $3
LEFT JOIN deliveries d ON d.card_id = c.id AND d.kind = $3
    AND d.requester_id BETWEEN $4 AND $5
    AND d.batch_id = $1 AND d.status = 'queued' AND d.due_at <= now()
LEFT JOIN requesters r ON r.id = d.requester_id
LEFT JOIN requests q ON q.card_id = c.id AND q.requester_id = d.requester_id
WHERE c.id = $2
ORDER BY d.requester_id`

func leaseQuery(lease time.Duration) string {
	return fmt.Sprintf(leaseSQL, lease.Seconds())
}

// claim leases the next due batch (query is leaseQuery's) and reads its due
// deliveries; ok is false when none is due. A batch whose card went between the two
// statements (its batch goes with it) comes back with no deliveries, to be finished.
func (s *Service) claim(ctx context.Context, query string) (l lease, ok bool, err error) {
	var cardID, first, last uuid.UUID
	err = s.pool.QueryRow(ctx, query).Scan(&l.batchID, &l.leases, &l.kind, &cardID, &first, &last)
	if errors.Is(err, pgx.ErrNoRows) {
		return l, false, nil
	}
	if err != nil {
		return l, false, err
	}
	rows, err := s.pool.Query(ctx, claimSQL, l.batchID, cardID, l.kind, first, last)
	if err != nil {
		return l, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var c claimed
		err := rows.Scan(&c.ID, &c.RequesterID, &c.Attempts, &c.Email, &c.Name, &c.Reason,
			&c.card.ID, &c.card.Title, &c.card.ReleaseNote, &c.card.BoardName, &c.card.Subject, &c.card.Body, &c.card.Note, &c.Quote,
			&l.ws.ProductName, &l.ws.SenderName, &l.ws.ReplyTo, &l.ws.Signature, &l.ws.AccentColor)
		if err != nil {
			return l, false, err
		}
		if c.ID != uuid.Nil {
			l.items = append(l.items, c)
		}
	}
	return l, true, rows.Err()
}
