package notify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// openPool connects the notifier's own pool: its senders, recorder, River and the
// mailroom's queries (LISTEN holds one more connection outside it).
//
// Plans: deliveries and delivery_batches grow from nothing to tens of thousands of
// rows within a second of a ship, and a card's requests can arrive in one burst, so
// the statistics the planner has lag far behind. Two plans went wrong that way: a
// generic plan cached while deliveries held fifty rows walked the whole table for
// every recorded outcome (seconds per statement at 17,000), and a stale row estimate
// for a card's requests sorted all of them for every thousand the fan-out takes.
// Every query of the notifier has an index path bounded by its batch, so:
//   - plan_cache_mode=force_custom_plan plans each run with the tables' current
//     sizes, never with a plan cached when they were small (about a thousand
//     statements per 17,000 emails: planning costs ~0.02 ms of database time per
//     email, against seconds per statement for the wrong plan);
//   - enable_seqscan=off and enable_bitmapscan=off leave the planner the ordered
//     index walks those paths are, whatever it believes about row counts;
//   - jit=off: a disabled scan that has no alternative (River's small tables, the
//     queue-depth sum) is costed so high that PostgreSQL JIT-compiled it, 100 ms of
//     CPU each time for a query that reads a few rows.
func openPool(ctx context.Context, databaseURL string, senders int) (*pgxpool.Pool, error) {
	pc, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("notify: database URL: %w", err)
	}
	pc.MaxConns = int32(senders + 8)
	for k, v := range map[string]string{"plan_cache_mode": "force_custom_plan", "enable_seqscan": "off", "enable_bitmapscan": "off", "jit": "off"} {
		pc.ConnConfig.RuntimeParams[k] = v
	}
	if pc.ConnConfig.RuntimeParams["application_name"] == "" {
		pc.ConnConfig.RuntimeParams["application_name"] = "closeloop notifier"
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, fmt.Errorf("notify: connect to the database: %w", err)
	}
	return pool, nil
}
