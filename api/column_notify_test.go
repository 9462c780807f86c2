package api

import (
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// notify_default is in the column JSON, set on create and patch by an editor, refused
// (422 naming the field) where a move emails nobody or always, and turned off when the
// column's stage changes to one of those.
func TestColumnNotifyDefault(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Roadmap")
	type col struct {
		ID            uuid.UUID `json:"id"`
		Stage         string    `json:"stage"`
		NotifyDefault *bool     `json:"notify_default"`
	}
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards/"+b.ID.String()+"/columns",
		map[string]any{"name": "Won't do", "stage": "declined", "notify_default": true})
	mustStatus(t, status, http.StatusCreated, raw)
	declined := decode[col](t, raw)
	if declined.NotifyDefault == nil || !*declined.NotifyDefault {
		t.Fatalf("created with notify_default: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+b.ID.String(), nil)
	mustStatus(t, status, http.StatusOK, raw)
	got := decode[struct{ Columns []col }](t, raw)
	for _, c := range got.Columns {
		want := c.ID == declined.ID
		if c.NotifyDefault == nil || *c.NotifyDefault != want {
			t.Errorf("board column %s (%s): notify_default %v, want %v", c.ID, c.Stage, c.NotifyDefault, want)
		}
	}

	for _, tt := range []struct {
		name, method, path string
		role               domain.Role
		body               map[string]any
		status             int
	}{
		{"open column", "POST", "/api/v1/boards/" + b.ID.String() + "/columns", domain.RoleEditor, map[string]any{"name": "Inbox", "stage": "open", "notify_default": true}, http.StatusUnprocessableEntity},
		{"done column", "PATCH", "/api/v1/columns/" + b.Columns[3].ID.String(), domain.RoleEditor, map[string]any{"notify_default": true}, http.StatusUnprocessableEntity},
		{"to done with it", "PATCH", "/api/v1/columns/" + declined.ID.String(), domain.RoleEditor, map[string]any{"stage": "done", "notify_default": true}, http.StatusUnprocessableEntity},
		{"not a bool", "PATCH", "/api/v1/columns/" + declined.ID.String(), domain.RoleEditor, map[string]any{"notify_default": "yes"}, 0},
		{"support", "PATCH", "/api/v1/columns/" + b.Columns[1].ID.String(), domain.RoleSupport, map[string]any{"notify_default": true}, http.StatusForbidden},
	} {
		status, raw := env.call(t, tt.role, tt.method, tt.path, tt.body)
		switch {
		case tt.status == 0 && status/100 != 4:
			t.Errorf("%s: status %d, want 4xx: %s", tt.name, status, raw)
		case tt.status != 0 && status != tt.status:
			t.Errorf("%s: status %d, want %d: %s", tt.name, status, tt.status, raw)
		case status == http.StatusUnprocessableEntity && decode[ErrorBody](t, raw).Error.Fields["notify_default"] == "":
			t.Errorf("%s: no message for notify_default: %s", tt.name, raw)
		}
	}

	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/columns/"+b.Columns[1].ID.String(), map[string]any{"notify_default": true})
	mustStatus(t, status, http.StatusOK, raw)
	if c := decode[col](t, raw); c.NotifyDefault == nil || !*c.NotifyDefault {
		t.Errorf("planned column patched: %s", raw)
	}
	// Planned becomes open: its moves email nobody any more, so the default goes.
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/columns/"+b.Columns[1].ID.String(), map[string]any{"stage": "open"})
	mustStatus(t, status, http.StatusOK, raw)
	if c := decode[col](t, raw); c.NotifyDefault == nil || *c.NotifyDefault {
		t.Errorf("after the stage became open: %s", raw)
	}
}
