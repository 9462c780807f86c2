package notify

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// outcomesSQL writes a batch of outcomes in one statement (one transaction). Only
// rows still queued change: one erased meanwhile (suppressed by the trigger) stays so.
// No indexed column changes, so these are HOT updates.
const outcomesSQL = `
UPDATE deliveries d SET
    status = o.status,
    attempts = d.attempts + CASE WHEN o.status = 'suppressed' THEN 0 ELSE 1 END,
    last_error = o.last_error,
    message_id = CASE WHEN o.status = 'sent' THEN o.message_id ELSE d.message_id END,
    email = CASE WHEN o.email <> '' THEN o.email ELSE d.email END,
    sent_at = CASE WHEN o.status = 'sent' THEN o.at ELSE d.sent_at END,
    due_at = o.due,
    updated_at = now()
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
    AS o(id, status, last_error, message_id, email, at, due)
WHERE d.id = o.id AND d.status = 'queued'`

// bouncedSQL suppresses the addresses whose mailbox does not exist, from now on.
const bouncedSQL = `UPDATE requesters SET bounced_at = now(), updated_at = now()
WHERE id = ANY($1::uuid[]) AND bounced_at IS NULL`

func (s *Service) writeOutcomes(ctx context.Context, batch []outcome) error {
	n := len(batch)
	ids, statuses, errs, msgIDs, emails := make([]uuid.UUID, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	ats, dues := make([]time.Time, n), make([]*time.Time, n)
	var bounced []uuid.UUID
	for i, o := range batch {
		ids[i], statuses[i], errs[i], msgIDs[i], emails[i], ats[i], dues[i] = o.id, o.status, o.lastError, o.messageID, o.email, o.at, o.due
		if o.bounce && o.requesterID != uuid.Nil {
			bounced = append(bounced, o.requesterID)
		}
	}
	if len(bounced) > 0 {
		// Rare, and in the same transaction as the failed delivery it comes from.
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // no-op after Commit
		if _, err := tx.Exec(ctx, outcomesSQL, ids, statuses, errs, msgIDs, emails, ats, dues); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, bouncedSQL, bounced); err != nil {
			return err
		}
		return tx.Commit(ctx)
	}
	_, err := s.pool.Exec(ctx, outcomesSQL, ids, statuses, errs, msgIDs, emails, ats, dues)
	return err
}

// endBatchesSQL hands batches back: each one the sender still holds is deleted when
// none of its deliveries is queued any more, and otherwise comes due at its earliest
// queued delivery (now, for those not tried), but not before the sender's notBefore.
const endBatchesSQL = `
WITH e AS (
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS e(id, leases, not_before)
), left_over AS (
    SELECT e.id, e.not_before, min(d.due_at) AS due, count(d.id) AS pending
    FROM e
    JOIN delivery_batches b ON b.id = e.id AND b.leases = e.leases
    LEFT JOIN deliveries d ON d.card_id = b.card_id AND d.kind = b.kind
        AND d.requester_id BETWEEN b.first_requester AND b.last_requester
        AND d.batch_id = b.id AND d.status = 'queued'
    GROUP BY e.id, e.not_before
), done AS (
    DELETE FROM delivery_batches b USING left_over l WHERE b.id = l.id AND l.pending = 0
)
UPDATE delivery_batches b SET due_at = GREATEST(l.due, l.not_before), pending = l.pending
FROM left_over l WHERE b.id = l.id AND l.pending > 0`

func (s *Service) endBatches(ctx context.Context, ends []batchEnd) error {
	n := len(ends)
	ids, leases, notBefore := make([]uuid.UUID, n), make([]int, n), make([]time.Time, n)
	for i, e := range ends {
		ids[i], leases[i], notBefore[i] = e.id, e.leases, e.notBefore
	}
	_, err := s.pool.Exec(ctx, endBatchesSQL, ids, leases, notBefore)
	return err
}
