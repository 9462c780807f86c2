package api

import (
	"testing"

	"github.com/closeloop/closeloop/domain"
)

func TestArchiveRoutesRefuseBadInput(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	card := "/api/v1/cards/" + f.newCard(f.board).ID.String()
	before := dbState(t, env)
	for _, c := range []struct{ method, path, field string }{
		{"GET", "/api/v1/boards/" + f.board.ID.String() + "/cards?archived=maybe", "archived"},
		{"DELETE", card + "?permanent=yes", "permanent"},
	} {
		status, raw := env.call(t, domain.RoleEditor, c.method, c.path, nil)
		if status != 422 || decode[ErrorBody](t, raw).Error.Fields[c.field] == "" {
			t.Errorf("%s %s: %d %s, want 422 on %s", c.method, c.path, status, raw, c.field)
		}
	}
	status, _ := env.call(t, domain.RoleEditor, "DELETE", card+"?permanent=true", nil)
	if status != 409 {
		t.Errorf("deleting a live card for good: %d, want 409", status)
	}
	status, _ = env.call(t, domain.RoleEditor, "POST", card+"/archive", nil, "If-Match", `"9"`)
	if status != 412 {
		t.Errorf("archive with a stale If-Match: %d, want 412", status)
	}
	if diff := stateDiff(before, dbState(t, env)); diff != "" {
		t.Errorf("refused calls changed %s", diff)
	}
}
