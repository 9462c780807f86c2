package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/email"
)

// holdsPerLease is how many requesters' holds one claim leases: one statement per
// couple of hundred emails rather than per email (BenchmarkFanout with BENCH_COALESCE=2,
// 17,385 people: 13-18 s after the window at 200, 22-25 s at 50).
const holdsPerLease = 200

// claimHoldsSQL leases the holds that are due (SKIP LOCKED: no other sender, and no
// fan-out adding to them right now) and reads every held delivery of those people,
// with what the emails need, by person then delivery. A hold with nothing held (its
// person erased, their deliveries given to a merged person) comes back empty, to be
// ended.
const claimHoldsSQL = `
WITH h AS (
    SELECT requester_id FROM delivery_holds WHERE due_at <= now()
    ORDER BY due_at LIMIT %d
    FOR UPDATE SKIP LOCKED
), leased AS (
    UPDATE delivery_holds x SET due_at = now() + make_interval(secs => %f), leases = x.leases + 1
    FROM h WHERE x.requester_id = h.requester_id
    RETURNING x.requester_id, x.leases
)
SELECT l.requester_id, l.leases,
       COALESCE(d.id, '00000000-0000-0000-0000-000000000000'),
       COALESCE(d.attempts, 0), COALESCE(r.email, ''), COALESCE(r.name, ''),
       CASE WHEN r.unsubscribed_at IS NOT NULL THEN 'unsubscribed'
            WHEN r.bounced_at IS NOT NULL THEN 'bounced'
            ELSE '' END,
       COALESCE(c.id, '00000000-0000-0000-0000-000000000000'), COALESCE(c.title, ''), COALESCE(c.release_note, ''),
       COALESCE(bo.name, ''), COALESCE(et.subject, ''), COALESCE(et.body, ''), COALESCE(n.note, ''), COALESCE(q.quote, ''),
       ws.product_name, ws.sender_name, ws.reply_to, ws.signature, ws.accent_color
FROM leased l
CROSS JOIN workspace_settings ws
LEFT JOIN requesters r ON r.id = l.requester_id
LEFT JOIN deliveries d ON d.requester_id = l.requester_id AND d.batch_id IS NULL
    AND d.kind = 'shipped' AND d.status = 'queued'
LEFT JOIN cards c ON c.id = d.card_id
LEFT JOIN boards bo ON bo.id = c.board_id
LEFT JOIN email_templates et ON et.board_id = c.board_id AND et.kind = 'shipped'
LEFT JOIN card_status_notes n ON n.card_id = d.card_id AND n.kind = 'shipped'
LEFT JOIN requests q ON q.card_id = d.card_id AND q.requester_id = d.requester_id
ORDER BY l.requester_id, d.id`

func claimHoldsQuery(lease time.Duration) string {
	return fmt.Sprintf(claimHoldsSQL, holdsPerLease, lease.Seconds())
}

// heldFor is one requester's leased hold and the deliveries held for them.
type heldFor struct {
	requesterID uuid.UUID
	leases      int
	items       []claimed
}

// holdLease is what one claim of holds leased.
type holdLease struct {
	ws     email.Workspace
	people []heldFor
}

// claimHolds leases the next due holds; ok is false when none is due.
func (s *Service) claimHolds(ctx context.Context, query string) (l holdLease, ok bool, err error) {
	rows, err := s.pool.Query(ctx, query)
	if err != nil {
		return l, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var h heldFor
		var c claimed
		err := rows.Scan(&h.requesterID, &h.leases, &c.ID, &c.Attempts, &c.Email, &c.Name, &c.Reason,
			&c.card.ID, &c.card.Title, &c.card.ReleaseNote, &c.card.BoardName, &c.card.Subject, &c.card.Body, &c.card.Note, &c.Quote,
			&l.ws.ProductName, &l.ws.SenderName, &l.ws.ReplyTo, &l.ws.Signature, &l.ws.AccentColor)
		if err != nil {
			return l, false, err
		}
		ok = true
		if n := len(l.people); n == 0 || l.people[n-1].requesterID != h.requesterID {
			l.people = append(l.people, h)
		}
		if c.ID != uuid.Nil {
			c.RequesterID = h.requesterID
			p := &l.people[len(l.people)-1]
			p.items = append(p.items, c)
		}
	}
	return l, ok, rows.Err()
}

// endHoldsLockSQL waits for any fan-out that is adding to these holds (it holds their
// rows locked until it commits), so that the next statement, which reads with a new
// snapshot, sees every delivery committed to them.
const endHoldsLockSQL = `SELECT requester_id FROM delivery_holds WHERE requester_id = ANY($1::uuid[])
ORDER BY requester_id FOR UPDATE`

// endHoldsSQL hands holds back, like endBatchesSQL: each one the sender still holds is
// deleted when nothing is held for its person any more, and otherwise comes due at
// their earliest held delivery, but not before the sender's notBefore.
const endHoldsSQL = `
WITH e AS (
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS e(id, leases, not_before)
), left_over AS (
    SELECT e.id, e.not_before, min(d.due_at) AS due, count(d.id) AS pending
    FROM e
    JOIN delivery_holds h ON h.requester_id = e.id AND h.leases = e.leases
    LEFT JOIN deliveries d ON d.requester_id = h.requester_id AND d.batch_id IS NULL
        AND d.kind = 'shipped' AND d.status = 'queued'
    GROUP BY e.id, e.not_before
), done AS (
    DELETE FROM delivery_holds h USING left_over l WHERE h.requester_id = l.id AND l.pending = 0
)
UPDATE delivery_holds h SET due_at = GREATEST(l.due, l.not_before)
FROM left_over l WHERE h.requester_id = l.id AND l.pending > 0`

func (s *Service) endHolds(ctx context.Context, ends []batchEnd) error {
	n := len(ends)
	ids, leases, notBefore := make([]uuid.UUID, n), make([]int, n), make([]time.Time, n)
	for i, e := range ends {
		ids[i], leases[i], notBefore[i] = e.id, e.leases, e.notBefore
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // no-op after Commit
	if _, err := tx.Exec(ctx, endHoldsLockSQL, ids); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, endHoldsSQL, ids, leases, notBefore); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
