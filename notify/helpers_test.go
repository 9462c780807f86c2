package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
	"github.com/closeloop/closeloop/notify/smtptest"
)

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) != "" {
		os.Exit(runCrashChild())
	}
	os.Exit(testdb.Run(m))
}

// env is one test's world: a fresh database, an SMTP sink, and a notifier.
type env struct {
	t    testing.TB
	url  string
	pool *pgxpool.Pool
	sql  *sql.DB
	sink *smtptest.Sink
	svc  *Service
	reg  *prometheus.Registry

	domain     *domain.Service // for erase, made on first use
	domainOnce sync.Once
}

// newEnv builds the world; cfg may adjust the notifier's config before New. The
// notifier is not started: call start.
func newEnv(t testing.TB, sinkOpts smtptest.Options, cfg func(*Config)) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{t: t, url: testdb.New(t), reg: prometheus.NewRegistry()}
	var err error
	if e.sink, err = smtptest.Start(sinkOpts); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.sink.Close() })
	pc, err := pgxpool.ParseConfig(e.url)
	if err != nil {
		t.Fatal(err)
	}
	pc.MaxConns = 12
	if e.pool, err = pgxpool.NewWithConfig(ctx, pc); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.pool.Close)
	if e.sql, err = sql.Open("pgx", e.url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.sql.Close() })
	c := Config{
		BaseURL: "http://closeloop.test", From: "Acme Product Team <product@acme.test>",
		SMTPURL: e.sink.URL(), DataDir: t.TempDir(), PollInterval: 100 * time.Millisecond,
	}
	if cfg != nil {
		cfg(&c)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if e.svc, err = New(ctx, c, e.url, log, e.reg); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) start() {
	e.t.Helper()
	if err := e.svc.Start(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := e.svc.Stop(ctx); err != nil {
			e.t.Errorf("stop: %v", err)
		}
	})
}

func (e *env) exec(query string, args ...any) {
	e.t.Helper()
	if _, err := e.pool.Exec(context.Background(), query, args...); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
}

func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.pool.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// card makes a board with a done column and a card in it, as domain.MoveCard would
// leave a shipped card; title and note as given.
func (e *env) card(title, note string) uuid.UUID {
	e.t.Helper()
	board, col, card := uuid.New(), uuid.New(), uuid.New()
	e.exec(`INSERT INTO boards (id, name) VALUES ($1, 'Roadmap')`, board)
	e.exec(`INSERT INTO columns (id, board_id, name, stage, position) VALUES ($1, $2, 'Done', 'done', 1)`, col, board)
	e.exec(`INSERT INTO cards (id, board_id, column_id, kind, title, position, release_note, shipped_at)
VALUES ($1, $2, $3, 'idea', $4, 'a', $5, now())`, card, board, col, title, note)
	return card
}

// requesters adds n new requesters "<Prefix> i" <prefix>i@example.com (i from 1) to
// the card and returns their ids in that order.
func (e *env) requesters(card uuid.UUID, prefix string, n int) []uuid.UUID {
	e.t.Helper()
	rows, err := e.pool.Query(context.Background(), `
WITH s AS MATERIALIZED (
    SELECT i, closeloop_uuid_v7() AS id FROM generate_series(1, $3) i
), r AS (
    INSERT INTO requesters (id, email, name)
    SELECT id, $2 || i || '@example.com', initcap($2) || ' ' || i FROM s
    RETURNING id
), q AS (
    INSERT INTO requests (card_id, requester_id) SELECT $1, id FROM r
)
SELECT id FROM s ORDER BY i`, card, prefix, n)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var ids []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			e.t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		e.t.Fatal(err)
	}
	e.exec(`UPDATE cards SET requester_count = (SELECT count(*) FROM requests WHERE card_id = $1) WHERE id = $1`, card)
	return ids
}

// link makes an existing requester a requester of the card too.
func (e *env) link(card, requester uuid.UUID) {
	e.t.Helper()
	e.exec(`INSERT INTO requests (card_id, requester_id) VALUES ($1, $2)`, card, requester)
}

// inTx runs fn in a database/sql transaction, as domain's move does, and commits.
func (e *env) inTx(fn func(tx *sql.Tx) error) {
	e.t.Helper()
	tx, err := e.sql.BeginTx(context.Background(), nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := fn(tx); err != nil {
		e.t.Fatal(errors.Join(err, tx.Rollback()))
	}
	if err := tx.Commit(); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) ship(card uuid.UUID) {
	e.t.Helper()
	e.inTx(func(tx *sql.Tx) error { return e.svc.CardShipped(context.Background(), tx, card) })
}

// settle waits until the card has want deliveries and none is pending.
func (e *env) settle(card uuid.UUID, want int, timeout time.Duration) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		total := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1`, card)
		pending := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND status IN ('queued', 'sending')`, card)
		if total == want && pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("after %v: %d deliveries (want %d), %d still pending", timeout, total, want, pending)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// statuses counts the card's deliveries by status.
func (e *env) statuses(card uuid.UUID) map[string]int {
	e.t.Helper()
	rows, err := e.pool.Query(context.Background(), `SELECT status, count(*) FROM deliveries WHERE card_id = $1 GROUP BY status`, card)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			e.t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

func addressOf(prefix string, i int) string { return fmt.Sprintf("%s%d@example.com", prefix, i) }
