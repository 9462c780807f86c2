package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/closeloop/closeloop/notify/email"
)

const (
	kindShipped = string(email.Shipped) // deliveries.kind of the "your request shipped" email
	fanoutBatch = 1000                  // requesters turned into deliveries per transaction
)

// fanoutSlice bounds one job's run; a longer fan-out continues in a new job that
// starts after the last requester done, so no run ever nears the job timeout.
// (A variable so a test can make every fan-out continue.)
var fanoutSlice = 3 * time.Second

// fanoutArgs is the River job CardShipped enqueues.
type fanoutArgs struct {
	CardID uuid.UUID `json:"card_id"`
	Event  string    `json:"event"` // deliveries.kind
	// RequesterID narrows the fan-out to one requester (linked after shipping).
	RequesterID *uuid.UUID `json:"requester_id,omitempty"`
	// After continues a long fan-out after this requester id (keyset).
	After uuid.UUID `json:"after,omitzero"`
}

func (fanoutArgs) Kind() string { return "closeloop_fanout" }

func (fanoutArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: riverQueue, MaxAttempts: riverMaxAttempts}
}

type fanoutWorker struct {
	river.WorkerDefaults[fanoutArgs]
	s *Service
}

// Work inserts the deliveries and their send batches, a thousand requesters per
// transaction, each of which also wakes the senders. It is idempotent: a retried or
// rescued job skips requesters that have a delivery (and ON CONFLICT DO NOTHING
// settles a race with another fan-out), and only rows it inserted become new work.
func (w *fanoutWorker) Work(ctx context.Context, job *river.Job[fanoutArgs]) error {
	args := job.Args
	started := time.Now()
	for {
		tx, err := w.s.pool.Begin(ctx)
		if err != nil {
			return err
		}
		// The card FOR SHARE first: an erasure (which locks the card) either finished
		// before, so its requester is not read below, or waits for this commit and then
		// detaches the deliveries inserted here (migrations/00050).
		// The same statement reads the coalescing window: with one, shipped emails are held.
		var hold int
		err = tx.QueryRow(ctx, `SELECT COALESCE((SELECT coalesce_seconds FROM workspace_settings), 0) FROM cards WHERE id = $1 FOR SHARE`, args.CardID).Scan(&hold)
		if errors.Is(err, pgx.ErrNoRows) { // deleted with its board: nobody to tell
			tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // nothing was written; a failed rollback closes the connection
			return nil
		}
		var res fanoutResult
		if err == nil {
			if args.Event == kindShipped && hold > 0 {
				res, err = w.s.insertHeldDeliveries(ctx, tx, args, hold)
			} else {
				res, err = w.s.insertDeliveries(ctx, tx, args)
			}
		}
		if err == nil && res.queued > 0 && !res.held {
			_, err = tx.Exec(ctx, `SELECT pg_notify($1, '')`, wakeChannel)
		}
		more := res.seen == fanoutBatch && args.RequesterID == nil
		if err == nil && more && time.Since(started) > fanoutSlice {
			next := args
			next.After = res.last
			_, err = river.ClientFromContext[pgx.Tx](ctx).InsertTx(ctx, tx, next, nil)
			more = false
		}
		if err == nil {
			err = tx.Commit(ctx)
		}
		if err != nil {
			tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // err is what River retries on; a failed rollback closes the connection
			return fmt.Errorf("fan-out of card %s after %s: %w", args.CardID, args.After, err)
		}
		w.s.metrics.deliveries.WithLabelValues("queued").Add(float64(res.queued))
		w.s.metrics.deliveries.WithLabelValues("suppressed").Add(float64(res.suppressed))
		if !more {
			return nil
		}
		args.After = res.last
	}
}

type fanoutResult struct {
	seen, queued, suppressed int
	last                     uuid.UUID
	held                     bool // queued for later (coalescing): nothing to wake the senders for
}

// fanoutSQL takes the card's next requesters in id order (the requests primary key)
// and inserts a delivery for each one that has none: queued, or suppressed already
// for people who unsubscribed or bounced, so the card's counts add up to its
// requesters. The new queued ones are grouped into send batches of Config.BatchSize
// (a requester-id range each; rows that existed already just leave gaps), inserted
// by the same statement.
const fanoutSQL = fanoutSrcSQL + `, todo AS MATERIALIZED (
    SELECT s.*, (row_number() OVER (PARTITION BY s.reason ORDER BY s.id) - 1) / %[3]d AS g
    FROM src s
), groups AS MATERIALIZED (
    SELECT g, closeloop_uuid_v7() AS batch_id FROM todo WHERE reason = '' GROUP BY g
), ins AS (
    INSERT INTO deliveries (card_id, requester_id, kind, email, status, last_error, due_at, batch_id)
    SELECT $1::uuid, t.id, $3, t.email,
           CASE WHEN t.reason = '' THEN 'queued' ELSE 'suppressed' END,
           t.reason,
           CASE WHEN t.reason = '' THEN now() END,
           g.batch_id
    FROM todo t LEFT JOIN groups g ON t.reason = '' AND g.g = t.g
    ON CONFLICT (card_id, requester_id, kind) DO NOTHING
    RETURNING requester_id, status, batch_id
), batches AS (
    INSERT INTO delivery_batches (id, card_id, kind, first_requester, last_requester, due_at, pending)
    SELECT batch_id, $1::uuid, $3, min(requester_id::text)::uuid, max(requester_id::text)::uuid, now(), count(*)
    FROM ins WHERE status = 'queued' GROUP BY batch_id
)
SELECT (SELECT count(*) FROM src),
       COALESCE((SELECT id FROM src ORDER BY id DESC LIMIT 1), '00000000-0000-0000-0000-000000000000'),
       (SELECT count(*) FROM ins WHERE status = 'queued'),
       (SELECT count(*) FROM ins WHERE status = 'suppressed')`

// fanoutSrcSQL takes the card's next requesters, with why not to email them ("" = do).
const fanoutSrcSQL = `
WITH src AS MATERIALIZED (
    SELECT q.requester_id AS id, r.email,
           CASE WHEN r.unsubscribed_at IS NOT NULL THEN 'unsubscribed'
                WHEN r.bounced_at IS NOT NULL THEN 'bounced'
                ELSE '' END AS reason
    FROM requests q JOIN requesters r ON r.id = q.requester_id
    WHERE q.card_id = $1::uuid AND q.requester_id > $2::uuid %[1]s
    ORDER BY q.requester_id
    LIMIT %[2]d
)`

// fanoutQueries are the statement for a whole card and for one requester, with the
// batch sizes written in.
func fanoutQueries(batch int) (all, one string) {
	return fmt.Sprintf(fanoutSQL, "", fanoutBatch, batch),
		fmt.Sprintf(fanoutSQL, "AND q.requester_id = $4::uuid", fanoutBatch, batch)
}

func (s *Service) insertDeliveries(ctx context.Context, tx pgx.Tx, a fanoutArgs) (fanoutResult, error) {
	var r fanoutResult
	var row pgx.Row
	if a.RequesterID != nil {
		row = tx.QueryRow(ctx, s.fanoutOneSQL, a.CardID, a.After, a.Event, *a.RequesterID)
	} else {
		row = tx.QueryRow(ctx, s.fanoutAllSQL, a.CardID, a.After, a.Event)
	}
	err := row.Scan(&r.seen, &r.last, &r.queued, &r.suppressed)
	return r, err
}
