package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// Making a board public is opt-in and always gives it a slug: its own, or one made
// from its name; a slug that is not lowercase words, or another board's, is 422 on
// the slug field and changes nothing.
func TestBoardPublicAndSlug(t *testing.T) {
	env := newTestAPI(t)
	a, b := createBoardAPI(t, env, "Product Roadmap 2026!"), createBoardAPI(t, env, "Bugs")
	type board struct {
		Public bool    `json:"public"`
		Slug   *string `json:"slug"`
	}
	patch := func(id string, body map[string]any, want int) (board, []byte) {
		t.Helper()
		status, raw := env.call(t, domain.RoleEditor, "PATCH", "/api/v1/boards/"+id, body)
		mustStatus(t, status, want, raw)
		if want != http.StatusOK {
			return board{}, raw
		}
		return decode[board](t, raw), raw
	}
	got, _ := patch(a.ID.String(), map[string]any{"public": true}, http.StatusOK)
	if !got.Public || got.Slug == nil || *got.Slug != "product-roadmap-2026" {
		t.Errorf("public without a slug: %+v", got)
	}
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"slug": "Product Roadmap"}, "slug"},
		{map[string]any{"slug": "a--b"}, "slug"},
		{map[string]any{"slug": strings.Repeat("a", 61)}, "slug"},
		{map[string]any{"public": true, "slug": "product-roadmap-2026"}, "slug"}, // a's
	} {
		_, raw := patch(b.ID.String(), tc.body, http.StatusUnprocessableEntity)
		if e := decode[ErrorBody](t, raw); e.Error.Fields[tc.field] == "" {
			t.Errorf("%v: %s, want a message on %s", tc.body, raw, tc.field)
		}
	}
	if _, raw := patch(a.ID.String(), map[string]any{"slug": ""}, http.StatusUnprocessableEntity); !strings.Contains(string(raw), "slug") {
		t.Errorf("removing the slug of a public board: %s", raw)
	}
	got, _ = patch(a.ID.String(), map[string]any{"public": false}, http.StatusOK)
	if got.Public || got.Slug == nil || *got.Slug != "product-roadmap-2026" {
		t.Errorf("made private: %+v (the slug stays for next time)", got)
	}
	status, raw := env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+b.ID.String(), nil)
	if bb := decode[board](t, raw); status != 200 || bb.Public || bb.Slug != nil {
		t.Errorf("the refused patches changed the board: %s", raw)
	}
}
