package webhooks

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// recordWithJobSQL writes a pending delivery and, when it is new for this (webhook,
// event), the River job that tries it, in one statement of the change's transaction
// (one round trip, where record and River's InsertManyTx made two, and River's
// general insert, with its unique-key and RETURNING of the whole row, did work this
// job does not need). The job is the row River's own insert of deliverArgs writes:
// its kind, queue and MaxAttempts (deliverArgs.InsertOpts), state available, due
// now; the other columns take River's defaults (priority 1, no metadata, tags or
// unique key). TestRecordWithJobMatchesRiver holds it to River's row.
const recordWithJobSQL = `WITH d AS (
    INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, next_attempt_at, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, now(), now(), now())
    ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id
), j AS (
    INSERT INTO river_job (args, kind, max_attempts, queue, state, scheduled_at)
    SELECT jsonb_build_object('delivery_id', d.id), $6, $7, $8, 'available', now() FROM d
)
SELECT count(*) FROM d`

// recordWithJob records a delivery of payload and inserts its job; inserted is false
// when this (webhook, event) has a delivery already (then no job is added).
func (o *Outbox) recordWithJob(ctx context.Context, tx *sql.Tx, webhookID, eventID uuid.UUID, eventType string, payload []byte) (bool, error) {
	opts := deliverArgs{}.InsertOpts()
	var n int
	err := tx.QueryRowContext(ctx, recordWithJobSQL, uuid.Must(uuid.NewV7()), webhookID, eventID, eventType, string(payload),
		deliverArgs{}.Kind(), opts.MaxAttempts, opts.Queue).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("record webhook delivery: %w", err)
	}
	return n == 1, nil
}

// insertWake is how often a process tells River's workers that jobs were inserted,
// as River's own insert does (its notify limiter): at most once per interval, in the
// transaction that inserted them, so the workers fetch as soon as it commits. Without
// it they still fetch on their poll interval.
const insertWake = 100 * time.Millisecond

// wakeWorkers sends River's insert notification for the delivery queue in tx, unless
// this outbox sent one less than insertWake ago.
func (o *Outbox) wakeWorkers(ctx context.Context, tx *sql.Tx) error {
	o.wakeMu.Lock()
	now := time.Now()
	due := now.Sub(o.lastWake) >= insertWake
	if due {
		o.lastWake = now
	}
	o.wakeMu.Unlock()
	if !due {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_notify('river_insert', $1)`, fmt.Sprintf(`{"queue": %q}`, riverQueue)); err != nil {
		return fmt.Errorf("wake webhook workers: %w", err)
	}
	return nil
}
