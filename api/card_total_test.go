package api

import (
	"context"
	"fmt"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// TestCardListTotal: every page of a board's cards says how many cards its filters match
// on all pages (a column's true count), from the cache or not, with a search or not.
func TestCardListTotal(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env) // one card in the first column
	ctx := context.Background()
	for i, title := range []string{"Burn-down chart", "Dark theme", "Chart colours"} {
		_, err := env.svc.CreateCard(ctx, f.actor, f.board.ID, domain.NewCard{ColumnID: f.board.Columns[i%2].ID, Kind: domain.CardIdea, Title: title})
		f.must(err)
	}
	first, second := f.board.Columns[0].ID, f.board.Columns[1].ID
	type page struct {
		Items      []cardJSONBody `json:"items"`
		NextCursor *string        `json:"next_cursor"`
		Total      int            `json:"total"`
	}
	base := "/api/v1/boards/" + f.board.ID.String() + "/cards"
	for _, tt := range []struct {
		query      string
		items, all int
	}{
		{"?column_id=" + first.String() + "&limit=1", 1, 3},
		{"?column_id=" + first.String() + "&limit=1", 1, 3}, // the cached page says it too
		{"?column_id=" + second.String(), 1, 1},
		{"?column_id=" + f.board.Columns[2].ID.String(), 0, 0},
		{"?limit=2", 2, 4},
		{"?q=chart", 2, 2},
		{"?q=chart&column_id=" + first.String() + "&limit=1", 1, 2},
		{"?q=chart&sort=demand&limit=1", 1, 2},
		{"?kind=issue", 0, 0},
	} {
		status, raw := env.call(t, domain.RoleViewer, "GET", base+tt.query, nil)
		mustStatus(t, status, 200, raw)
		p := decode[page](t, raw)
		if len(p.Items) != tt.items || p.Total != tt.all || (p.NextCursor != nil) != (tt.items < tt.all) {
			t.Errorf("%s: %d items, total %d, next %v; want %d items, total %d", tt.query, len(p.Items), p.Total, p.NextCursor != nil, tt.items, tt.all)
		}
	}
	// A next page says the same total.
	status, raw := env.call(t, domain.RoleViewer, "GET", base+"?column_id="+first.String()+"&limit=1", nil)
	mustStatus(t, status, 200, raw)
	p := decode[page](t, raw)
	status, raw = env.call(t, domain.RoleViewer, "GET", fmt.Sprintf("%s?column_id=%s&limit=1&cursor=%s", base, first, *p.NextCursor), nil)
	mustStatus(t, status, 200, raw)
	if got := decode[page](t, raw).Total; got != 3 {
		t.Errorf("second page: total %d, want 3", got)
	}
}
