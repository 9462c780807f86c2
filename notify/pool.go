package notify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// openPool connects the notifier's own pool: its senders, recorder, River and the
// mailroom's queries (LISTEN holds one more connection outside it).
//
// enable_seqscan=off: deliveries and delivery_batches grow from nothing to tens of
// thousands of rows within a second of a ship. A plan made while they were small,
// which pgx's prepared statements then keep, would scan them whole (a hundred times
// the cost once they are full), and statistics lag far behind such growth. Every
// query of the notifier has an index path bounded by its batch (checked with the
// generic plans on empty tables), so this pins those plans, cached and cheap to run,
// whatever the tables' sizes. Planning each run instead cost a third more database
// CPU per email.
func openPool(ctx context.Context, databaseURL string, senders int) (*pgxpool.Pool, error) {
	pc, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("notify: database URL: %w", err)
	}
	pc.MaxConns = int32(senders + 8)
	pc.ConnConfig.RuntimeParams["enable_seqscan"] = "off"
	if pc.ConnConfig.RuntimeParams["application_name"] == "" {
		pc.ConnConfig.RuntimeParams["application_name"] = "closeloop notifier"
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, fmt.Errorf("notify: connect to the database: %w", err)
	}
	return pool, nil
}
