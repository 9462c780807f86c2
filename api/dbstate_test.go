package api

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// tableState is a table's row count and a digest of its whole content.
type tableState struct {
	Rows   int
	Digest string
}

// dbState snapshots every table of the database, so a test can prove a refused
// request changed nothing. api_tokens.last_used_at is left out: authenticating with a
// token records its use even when the request is then refused, by design.
func dbState(t testing.TB, env *testAPI) map[string]tableState {
	t.Helper()
	var tables []string
	if err := env.db.Raw(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	state := make(map[string]tableState, len(tables))
	for _, table := range tables {
		from := `"` + table + `"`
		if table == "api_tokens" {
			from = `(SELECT id, name, role, token_hash, prefix, created_by, created_at, revoked_at FROM api_tokens)`
		}
		var s tableState
		q := `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ` + from + ` t`
		if err := env.db.Raw(q).Scan(&s).Error; err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		state[table] = s
	}
	if len(state) < 10 {
		t.Fatalf("dbState sees only %v", slices.Sorted(maps.Keys(state)))
	}
	return state
}

// stateDiff says which tables differ between two snapshots ("" when none do).
func stateDiff(before, after map[string]tableState) string {
	var out []string
	for _, table := range slices.Sorted(maps.Keys(after)) {
		if b, a := before[table], after[table]; b != a {
			out = append(out, fmt.Sprintf("%s (%d → %d rows)", table, b.Rows, a.Rows))
		}
	}
	return strings.Join(out, ", ")
}
