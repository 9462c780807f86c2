package domain

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// A text search on a board walks the board in the sort's order and filters what it
// reads (see searchCond): the sort's index is scanned with the cursor as its Index
// Cond, the search is a Filter above it, and the installation-wide GIN indexes are
// not read. Sequential scans and sorts are priced out as in the index plan test.
func TestListCardsSearchWalksTheBoard(t *testing.T) {
	e := newTestEnv(t, nil)
	b, cards := listFixture(t, e)
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
		cursor := cursorAfter(tt.sort, cardRow{Card: cards[0]})
		query, args := cardListSQL(b.ID, CardFilter{Sort: tt.sort, Query: "dark mode"}, &cursor, 51)
		var lines []string
		err := e.db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off").Error; err != nil {
				return err
			}
			return tx.Raw("EXPLAIN (COSTS OFF) "+query, args...).Scan(&lines).Error
		})
		if err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(lines, "\n")
		for _, want := range []string{"Index Scan using " + tt.index, tt.indexCond, "Subquery Scan", "Filter: ((c.search @@"} {
			if !strings.Contains(plan, want) {
				t.Errorf("sort %s: plan lacks %q:\n%s", tt.sort, want, plan)
			}
		}
		for _, gin := range []string{"cards_search_idx", "cards_title_trgm_idx"} {
			if strings.Contains(plan, gin) {
				t.Errorf("sort %s: plan reads %s:\n%s", tt.sort, gin, plan)
			}
		}
	}
}
