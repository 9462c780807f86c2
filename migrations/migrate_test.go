package migrations_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/closeloop/closeloop/migrations"
	"github.com/closeloop/closeloop/migrations/testdb"
)

// TestConcurrentApply: several replicas starting at once on an empty database all
// succeed, and each migration is applied exactly once (the advisory lock).
func TestConcurrentApply(t *testing.T) {
	ctx := context.Background()
	name := emptyDB(t, "clmigrate_concurrent")

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := sql.Open("pgx", testdb.URL(name))
			if err != nil {
				errs[i] = err
				return
			}
			defer db.Close()
			errs[i] = migrations.Apply(ctx, db, log)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("replica %d: %v", i, err)
		}
	}
	db, err := sql.Open("pgx", testdb.URL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var applied, distinct int
	if err := db.QueryRow(`SELECT count(*), count(DISTINCT version_id) FROM goose_db_version WHERE version_id > 0`).Scan(&applied, &distinct); err != nil {
		t.Fatal(err)
	}
	if applied != distinct || applied == 0 {
		t.Fatalf("goose applied %d rows for %d migrations; want each once", applied, distinct)
	}
	pending, err := migrations.Pending(ctx, db)
	if err != nil || pending {
		t.Fatalf("pending after apply: %v %v", pending, err)
	}

	// A migration file numbered below one the database already has (two features'
	// blocks landing out of order) is applied, not refused: undo 00531 (one sequence)
	// below the applied 00532 and apply once more.
	if _, err := db.Exec(`DELETE FROM goose_db_version WHERE version_id = 531; DROP SEQUENCE live_event_seq`); err != nil {
		t.Fatal(err)
	}
	if err := migrations.Apply(ctx, db, log); err != nil {
		t.Fatalf("apply with a lower migration missing: %v", err)
	}
	var again int
	if err := db.QueryRow(`SELECT count(*) FROM goose_db_version WHERE version_id = 531`).Scan(&again); err != nil || again != 1 {
		t.Fatalf("00531 applied %d times after the second apply (%v); want once", again, err)
	}
}

// emptyDB creates database name afresh (dropped again when the test ends) and returns it.
func emptyDB(t *testing.T, name string) string {
	t.Helper()
	admin, err := sql.Open("pgx", testdb.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	drop := func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Error(err)
		}
	}
	drop()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drop(); admin.Close() })
	return name
}
