package migrations_test

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"github.com/pressly/goose/v3"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// TestCardNumbersExistingCards: 00420 numbers the cards already there by creation
// time (1, 2, 3…), and cards created afterwards continue the sequence.
func TestCardNumbersExistingCards(t *testing.T) {
	ctx := context.Background()
	name := emptyDB(t, "clmigrate_numbers")
	db, err := sql.Open("pgx", testdb.URL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 410); err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string) {
		t.Helper()
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	mustExec(`INSERT INTO boards (id, name) VALUES ('00000000-0000-0000-0000-00000000000b', 'B')`)
	mustExec(`INSERT INTO columns (id, board_id, name, stage, position) VALUES
 ('00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000b', 'Ideas', 'open', 0)`)
	// Inserted out of creation order: the numbers follow created_at, not insertion.
	mustExec(`INSERT INTO cards (id, board_id, column_id, kind, title, position, created_at) VALUES
 ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c', 'idea', 'third', 'a3', '2024-03-01'),
 ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c', 'idea', 'first', 'a1', '2024-01-01'),
 ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c', 'idea', 'second', 'a2', '2024-02-01')`)
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	mustExec(`INSERT INTO cards (id, board_id, column_id, kind, title, position) VALUES
 ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c', 'idea', 'new', 'a4')`)
	rows, err := db.Query(`SELECT title, number FROM cards ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var title string
		var n int64
		if err := rows.Scan(&title, &n); err != nil {
			t.Fatal(err)
		}
		got = append(got, title+"="+string(rune('0'+n)))
	}
	want := []string{"first=1", "second=2", "third=3", "new=4"}
	if len(got) != len(want) {
		t.Fatalf("cards %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cards %v, want %v", got, want)
			break
		}
	}
	if _, err := db.Exec(`UPDATE cards SET number = 1 WHERE title = 'new'`); err == nil {
		t.Error("two cards could share a number")
	}
}
