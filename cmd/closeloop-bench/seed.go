package main

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Seeding writes straight to the tables with set-based SQL (generate_series), keeping
// every invariant the application keeps: requester ids are md5(group-i)::uuid so
// links need no lookups, emails are unique, card positions are valid fractional-index
// keys, and cards.requester_count always equals the card's requests.

// board is a seeded board and its columns by stage.
type board struct {
	ID      uuid.UUID
	Columns map[string]uuid.UUID // open, planned, in_progress, done
}

// seedBoard inserts a board with the default columns.
func seedBoard(ctx context.Context, db *pgxpool.Pool, name string) (board, error) {
	b := board{ID: uuid.Must(uuid.NewV7()), Columns: map[string]uuid.UUID{}}
	if _, err := db.Exec(ctx, `INSERT INTO boards (id, name) VALUES ($1, $2)`, b.ID, name); err != nil {
		return b, fmt.Errorf("seed board: %w", err)
	}
	for i, col := range []struct{ name, stage string }{
		{"Ideas", "open"}, {"Planned", "planned"}, {"In progress", "in_progress"}, {"Done", "done"},
	} {
		id := uuid.Must(uuid.NewV7())
		if _, err := db.Exec(ctx, `INSERT INTO columns (id, board_id, name, stage, position) VALUES ($1, $2, $3, $4, $5)`,
			id, b.ID, col.name, col.stage, i); err != nil {
			return b, fmt.Errorf("seed column: %w", err)
		}
		b.Columns[col.stage] = id
	}
	return b, nil
}

// requesterIDSQL is the SQL expression of requester i's id in group $1: md5("group-i")
// read as a UUID, so every run of a seed gives the same ids.
const requesterIDSQL = `md5($1 || '-' || i)::uuid`

// requesterEmail is requester i's address in group.
func requesterEmail(group string, i int) string { return fmt.Sprintf("%s-%d@example.test", group, i) }

// seedRequesters inserts requesters 1..n of group, in chunks so progress shows.
func seedRequesters(ctx context.Context, db *pgxpool.Pool, group string, n int) error {
	const chunk = 100_000
	for from := 1; from <= n; from += chunk {
		to := min(n, from+chunk-1)
		_, err := db.Exec(ctx, `
INSERT INTO requesters (id, email, name, company)
SELECT `+requesterIDSQL+`, $1 || '-' || i || '@example.test',
       (ARRAY['Ada','Grace','Linus','Margaret','Ken','Barbara','Dennis','Frances','Alan','Radia'])[1 + i % 10] || ' ' ||
       (ARRAY['Lovelace','Hopper','Torvalds','Hamilton','Thompson','Liskov','Ritchie','Allen','Kay','Perlman'])[1 + (i / 10) % 10],
       'Company ' || (i % 5000)
FROM generate_series($2::int, $3::int) AS i`, group, from, to)
		if err != nil {
			return fmt.Errorf("seed requesters %d..%d: %w", from, to, err)
		}
		if n > chunk {
			logf("  requesters %d/%d", to, n)
		}
	}
	return nil
}

// linkRequesters links requesters 1..n of group to card and recounts the card.
func linkRequesters(ctx context.Context, db *pgxpool.Pool, card uuid.UUID, group string, n int) error {
	_, err := db.Exec(ctx, `
WITH linked AS (
    INSERT INTO requests (card_id, requester_id, quote, source, linked_by)
    SELECT $2, `+requesterIDSQL+`, 'Please add this!', 'bench', 'closeloop-bench'
    FROM generate_series(1, $3::int) AS i
    ON CONFLICT DO NOTHING
    RETURNING 1
)
UPDATE cards SET requester_count = requester_count + (SELECT count(*) FROM linked) WHERE id = $2`, group, card, n)
	if err != nil {
		return fmt.Errorf("link %d requesters to card %s: %w", n, card, err)
	}
	return nil
}
