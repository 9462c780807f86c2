package api

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// /members and /tokens page like every other list (issue 9): ?limit= bounds a page,
// next_cursor leads through all of them once, in their order, and ends with null.
func TestMembersAndTokensPage(t *testing.T) {
	env := newTestAPI(t) // makes one token per role
	f := newFixtures(t, env)
	for range 4 {
		f.newMember(domain.RoleViewer, "a long password")
		f.newToken()
	}
	type item struct {
		ID        string    `json:"id"`
		Name      string    `json:"name"`
		CreatedAt time.Time `json:"created_at"`
	}
	walk := func(path string) []item {
		var all []item
		url := path + "?limit=3"
		for pages := 0; ; pages++ {
			status, raw := env.call(t, domain.RoleAdmin, "GET", url, nil)
			mustStatus(t, status, http.StatusOK, raw)
			pg := decode[struct {
				Items      []item  `json:"items"`
				NextCursor *string `json:"next_cursor"`
			}](t, raw)
			if len(pg.Items) > 3 || pages > 10 {
				t.Fatalf("%s: page of %d items (limit 3), page %d", url, len(pg.Items), pages)
			}
			all = append(all, pg.Items...)
			if pg.NextCursor == nil {
				return all
			}
			url = path + "?limit=3&cursor=" + *pg.NextCursor
		}
	}
	members := walk("/api/v1/members")
	if len(members) != 4 {
		t.Errorf("members: walked %d, want the 4 made", len(members))
	}
	if !slices.IsSortedFunc(members, func(a, b item) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) }) {
		t.Errorf("members not by name: %+v", members)
	}
	tokens := walk("/api/v1/tokens")
	if len(tokens) != 8 {
		t.Errorf("tokens: walked %d, want 8 (4 of the harness, 4 made)", len(tokens))
	}
	if !slices.IsSortedFunc(tokens, func(a, b item) int { return b.CreatedAt.Compare(a.CreatedAt) }) {
		t.Errorf("tokens not newest first: %+v", tokens)
	}
	seen := map[string]bool{}
	for _, it := range append(members, tokens...) {
		if seen[it.ID] {
			t.Errorf("%s listed twice", it.ID)
		}
		seen[it.ID] = true
	}
	for _, path := range []string{"/api/v1/members?limit=201", "/api/v1/tokens?limit=0"} {
		status, raw := env.call(t, domain.RoleAdmin, "GET", path, nil)
		if status != http.StatusUnprocessableEntity || decode[ErrorBody](t, raw).Error.Fields["limit"] == "" {
			t.Errorf("GET %s = %d %s, want 422 with fields.limit", path, status, raw)
		}
	}
}
