package domain

import (
	"context"
	"slices"
	"testing"
)

// Twenty cards made at once at the end of one column (new_card_column, 00770, locks
// the column and reads its last position after the lock): every one is made, each
// after the cards made before it, so no two share a position and the column holds
// them all after the card that was there first.
func TestConcurrentCreatesInOneColumn(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	first := e.card(t, b, 0, "first")
	col := b.Columns[0].ID
	var fns []func() error
	for range 20 {
		fns = append(fns, func() error {
			_, err := e.svc.CreateCard(ctx, editorActor, b.ID, NewCard{ColumnID: col, Kind: CardIdea, Title: "new"})
			return err
		})
	}
	for i, err := range runAll(fns) {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	e.noDuplicatePositions(t)
	ids := e.column(t, col)
	if len(ids) != 21 || ids[0] != first.ID {
		t.Fatalf("column has %d cards (want 21), the first card at %d", len(ids), slices.Index(ids, first.ID))
	}
	// Made one after another under the column's lock: positions follow the numbers.
	rows, err := e.svc.db.Gorm().Raw(`SELECT number FROM cards WHERE column_id = ? ORDER BY position`, col).Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var prev int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n <= prev {
			t.Errorf("card #%d is after #%d in the column: positions do not follow the order the cards were made", n, prev)
		}
		prev = n
	}
}
