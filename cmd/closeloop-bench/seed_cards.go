package main

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
)

// titleWords make card titles and descriptions; search terms (searchTerms) pick from them.
var titleWords = []string{
	"dark", "mode", "export", "csv", "calendar", "sync", "slack", "notifications", "invoice", "pdf",
	"bulk", "edit", "keyboard", "shortcuts", "mobile", "offline", "search", "filters", "api", "webhooks",
	"single", "sign-on", "audit", "log", "custom", "fields", "recurring", "tasks", "gantt", "timeline",
	"zapier", "integration", "two-factor", "login", "import", "jira", "comments", "mentions", "reports", "dashboard",
	"templates", "email", "digest", "attachments", "drag", "drop", "permissions", "roles", "billing", "annual",
}

// seedBoardCards inserts cards (k from first to first+n-1) spread over the board's open,
// planned and in-progress columns, each linked to 1–40 requesters of group (requesters
// 1..pool must exist), with requester_count set to match. One statement: the cards,
// their requests and their counts commit together.
func seedBoardCards(ctx context.Context, db *pgxpool.Pool, b board, first, n int, group string, pool int) error {
	_, err := db.Exec(ctx, `
WITH new AS (
    INSERT INTO cards (id, board_id, column_id, kind, title, description, labels, position, requester_count)
    SELECT gen_random_uuid(), $2,
           ($3::uuid[])[1 + k % 3],
           (ARRAY['idea','issue','request'])[1 + (k / 3) % 3],
           initcap(w[1 + (k * 7) % 50]) || ' ' || w[1 + (k * 13 + 3) % 50] || ' ' || w[1 + (k * 17 + 5) % 50] || ' #' || k,
           'Asked for in support conversations: ' || w[1 + (k * 19 + 7) % 50] || ' ' || w[1 + (k * 23 + 11) % 50] ||
               ' and ' || w[1 + (k * 29 + 13) % 50] || '.',
           CASE WHEN k % 4 = 0 THEN ARRAY['customer'] ELSE '{}' END,
           -- a fractional-index key: 'c' says three base-62 digits follow; unique per column
           'c' || substr(d, 1 + (k / 3 / 3844) % 62, 1) || substr(d, 1 + (k / 3 / 62) % 62, 1) || substr(d, 1 + (k / 3) % 62, 1),
           1 + (k * 7919) % 40
    FROM generate_series($4::int, $5::int) AS k,
         (SELECT $6::text[] AS w, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'::text AS d) AS v
    RETURNING id, requester_count
), links AS (
    INSERT INTO requests (card_id, requester_id, quote, source, linked_by)
    SELECT new.id, md5($1 || '-' || ((abs(hashtext(new.id::text)::bigint) + j) % $7 + 1))::uuid,
           'We need this for our team.', 'bench', 'closeloop-bench'
    FROM new, generate_series(0, new.requester_count - 1) AS j
)
SELECT 1`, group, b.ID, []uuid.UUID{b.Columns["open"], b.Columns["planned"], b.Columns["in_progress"]},
		first, first+n-1, titleWords, pool)
	if err != nil {
		return fmt.Errorf("seed %d cards of board %s: %w", n, b.ID, err)
	}
	return nil
}
