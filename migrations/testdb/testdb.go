// Package testdb gives each test package a fresh, migrated PostgreSQL database: the
// schema is migrated once into a template, and each call clones it (fast).
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/closeloop/closeloop/migrations"
)

// AdminURL is the server used by tests; TEST_DATABASE_URL overrides it.
func AdminURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// URL returns a database URL with name on the same server as AdminURL.
func URL(name string) string {
	return withDB(AdminURL(), name)
}

// New creates a fresh migrated database for the test (dropped when it ends) and returns its URL.
func New(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	templateOnce.Do(func() { templateName, templateErr = buildTemplate(ctx) })
	if templateErr != nil {
		t.Fatalf("testdb: %v", templateErr)
	}
	admin, err := sql.Open("pgx", AdminURL())
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	defer admin.Close()
	name := "cltest_" + randomHex(6)
	if _, err := admin.ExecContext(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, templateName)); err != nil {
		t.Fatalf("testdb: clone template: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", AdminURL())
		if err != nil {
			return
		}
		defer a.Close()
		if _, err := a.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name)); err != nil {
			t.Logf("testdb: drop %s: %v", name, err)
		}
	})
	return URL(name)
}

// buildTemplate migrates a new template database once per test process. Its name is
// unique per process so parallel test packages never share or drop each other's.
func buildTemplate(ctx context.Context) (string, error) {
	admin, err := sql.Open("pgx", AdminURL())
	if err != nil {
		return "", err
	}
	defer admin.Close()
	name := "cltemplate_" + randomHex(6)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", fmt.Errorf("create template (is PostgreSQL running on 127.0.0.1:5432?): %w", err)
	}
	db, err := sql.Open("pgx", URL(name))
	if err != nil {
		return "", err
	}
	err = migrations.Apply(ctx, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	db.Close()
	if err != nil {
		return "", err
	}
	return name, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (Go 1.24+ crashes instead), which errcheck knows
	return hex.EncodeToString(b)
}

// Run runs the package's tests and then drops the template it built. Use from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }
func Run(m *testing.M) int {
	code := m.Run()
	if templateName != "" {
		if admin, err := sql.Open("pgx", AdminURL()); err == nil {
			if _, err := admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", templateName)); err != nil {
				fmt.Fprintf(os.Stderr, "testdb: drop the template %s: %v\n", templateName, err)
			}
			admin.Close()
		}
	}
	return code
}
