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
	admin, err := sql.Open("pgx", testdb.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := "clmigrate_concurrent"
	drop := func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Fatal(err)
		}
	}
	drop()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	defer drop()

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
}
