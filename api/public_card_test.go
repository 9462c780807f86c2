package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// /c/{id}, the link of every email to a card's requesters, answers for the stages an
// email announces — shipped (with the release note), planned, in progress, not
// planned — and is a 404 for an open card, so a planned or declined email's link
// never lands on "nothing here". No login, and no release note before it ships.
func TestPublicCardPageFollowsTheEmails(t *testing.T) {
	env := newTestAPI(t)
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards", map[string]any{"name": "Roadmap",
		"columns": []map[string]string{{"name": "Ideas", "stage": "open"}, {"name": "Planned", "stage": "planned"},
			{"name": "Doing", "stage": "in_progress"}, {"name": "Done", "stage": "done"}, {"name": "No", "stage": "declined"}}})
	mustStatus(t, status, http.StatusCreated, raw)
	b := decode[boardJSON](t, raw)
	card := createCardAPI(t, env, b, 0, "Dark mode")
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+card.ID.String(), map[string]any{"release_note": "Settings, Appearance"})
	mustStatus(t, status, http.StatusOK, raw)
	for _, tc := range []struct {
		col    int
		status int
		want   string
	}{
		{0, 404, "nothing to show at this address yet"},
		{1, 200, "Planned. It is on our plan"},
		{2, 200, "In progress."},
		{4, 200, "Not planned."},
		{3, 200, "Shipped "},
	} {
		status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/cards/"+card.ID.String()+"/move", map[string]any{"column_id": b.Columns[tc.col].ID})
		mustStatus(t, status, http.StatusOK, raw)
		status, page := env.call(t, "", "GET", "/c/"+card.ID.String(), nil)
		if status != tc.status || !strings.Contains(string(page), tc.want) {
			t.Errorf("%s: %d, want %d with %q:\n%s", b.Columns[tc.col].Name, status, tc.status, tc.want, page)
		}
		if shipped := strings.Contains(string(page), "Settings, Appearance"); shipped != (tc.col == 3) {
			t.Errorf("%s: the release note shown: %v", b.Columns[tc.col].Name, shipped)
		}
		if status == 200 && !strings.Contains(string(page), "Dark mode") {
			t.Errorf("%s: the title is missing:\n%s", b.Columns[tc.col].Name, page)
		}
	}
}
