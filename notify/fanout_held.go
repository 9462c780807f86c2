package notify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// fanoutHeldTail is the fan-out of shipped emails while coalescing is on (S > 0): the
// queued deliveries are due S seconds from now and join no send batch; each person's
// hold (delivery_holds) is inserted, or kept as it is (its due time is the first held
// delivery's, or a lease's end), and locked until this transaction commits, so a
// sender ending that hold waits and then sees these deliveries (hold_sql.go).
const fanoutHeldTail = `, ins AS (
    INSERT INTO deliveries (card_id, requester_id, kind, email, status, last_error, due_at)
    SELECT $1::uuid, s.id, $3, s.email,
           CASE WHEN s.reason = '' THEN 'queued' ELSE 'suppressed' END,
           s.reason,
           CASE WHEN s.reason = '' THEN now() + make_interval(secs => $4::double precision) END
    FROM src s
    ON CONFLICT (card_id, requester_id, kind) DO NOTHING
    RETURNING requester_id, status
), holds AS (
    INSERT INTO delivery_holds (requester_id, due_at)
    SELECT requester_id, now() + make_interval(secs => $4::double precision)
    FROM ins WHERE status = 'queued' ORDER BY requester_id
    ON CONFLICT (requester_id) DO UPDATE SET due_at = delivery_holds.due_at
)
SELECT (SELECT count(*) FROM src),
       COALESCE((SELECT id FROM src ORDER BY id DESC LIMIT 1), '00000000-0000-0000-0000-000000000000'),
       (SELECT count(*) FROM ins WHERE status = 'queued'),
       (SELECT count(*) FROM ins WHERE status = 'suppressed')`

// heldFanoutQueries are the held statements for a whole card and for one requester.
func heldFanoutQueries() (all, one string) {
	return fmt.Sprintf(fanoutSrcSQL, "", fanoutBatch) + fanoutHeldTail,
		fmt.Sprintf(fanoutSrcSQL, "AND q.requester_id = $5::uuid", fanoutBatch) + fanoutHeldTail
}

// insertHeldDeliveries is insertDeliveries with the shipped emails held for seconds.
func (s *Service) insertHeldDeliveries(ctx context.Context, tx pgx.Tx, a fanoutArgs, seconds int) (fanoutResult, error) {
	r := fanoutResult{held: true}
	var row pgx.Row
	if a.RequesterID != nil {
		row = tx.QueryRow(ctx, s.heldOneSQL, a.CardID, a.After, a.Event, seconds, *a.RequesterID)
	} else {
		row = tx.QueryRow(ctx, s.heldAllSQL, a.CardID, a.After, a.Event, seconds)
	}
	err := row.Scan(&r.seen, &r.last, &r.queued, &r.suppressed)
	return r, err
}
