package domain

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// The card list must be a keyset walk over an index for every sort, cursor included:
// with sequential scans and explicit sorts priced out, PostgreSQL must still find a
// plan that reads the expected index in order with the cursor in its Index Cond. A
// query rewritten so no index can serve it fails here (whatever the table size).
func TestListCardsPlansUseIndexes(t *testing.T) {
	e := newTestEnv(t, nil)
	b, cards := listFixture(t, e)
	last := cards[0]
	tests := []struct {
		sort      CardSort
		index     string
		indexCond string
	}{
		{SortPosition, "cards_column_position_key", `"position" > CASE`},
		{SortDemand, "cards_board_demand_idx", "requester_count <="},
		{SortRecent, "cards_board_recent_idx", "updated_at <="},
	}
	for _, tt := range tests {
		cursor := cursorAfter(tt.sort, cardRow{Card: last})
		query, args := cardListSQL(b.ID, CardFilter{Sort: tt.sort, Kind: refTo(CardIdea)}, &cursor, 51)
		var lines []string
		err := e.db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off").Error; err != nil {
				return err
			}
			return tx.Raw("EXPLAIN (COSTS OFF) "+query, args...).Scan(&lines).Error
		})
		if err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(lines, "\n")
		if !strings.Contains(plan, "Index Scan using "+tt.index) || !strings.Contains(plan, tt.indexCond) {
			t.Errorf("sort %s: plan does not walk %s from the cursor:\n%s", tt.sort, tt.index, plan)
		}
		for _, l := range lines {
			// COSTS OFF prints a node's name alone. Position order may finish with an
			// incremental sort over the few columns; nothing else may sort.
			node := strings.TrimLeft(l, " ->")
			if node == "Sort" || node == "Incremental Sort" && tt.sort != SortPosition {
				t.Errorf("sort %s: plan sorts rows instead of reading them in index order:\n%s", tt.sort, plan)
			}
		}
	}
}
