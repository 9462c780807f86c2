package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// cookieGet answers a GET as the member of cookie.
func cookieGet(t *testing.T, env *testAPI, path string, cookie *http.Cookie) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.AddCookie(cookie)
	rec := env.serve(t, req)
	return rec.Code, rec.Body.Bytes()
}

func cardIDs(t *testing.T, raw []byte) []uuid.UUID {
	t.Helper()
	var out []uuid.UUID
	for _, c := range decode[listResponse[cardResponse]](t, raw).Items {
		out = append(out, c.ID)
	}
	return out
}

func TestCardOwnerAndMineFilter(t *testing.T) {
	env := newTestAPI(t)
	ctx := context.Background()
	f := newFixtures(t, env)
	const password = "correct horse battery"
	ann, bob := f.newMember(domain.RoleEditor, password), f.newMember(domain.RoleEditor, password)
	gone := f.newMember(domain.RoleEditor, password)
	yes := true
	if _, err := env.svc.UpdateMember(ctx, f.actor, gone.ID, domain.MemberPatch{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	a, b := f.newCard(f.board), f.newCard(f.board)
	status, raw := env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+a.ID.String(), map[string]any{"owner_id": ann.ID})
	mustStatus(t, status, 200, raw)
	if got := decode[cardResponse](t, raw); got.OwnerID == nil || *got.OwnerID != ann.ID || got.Version != 2 {
		t.Fatalf("owned card = %s", raw)
	}
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+b.ID.String(), map[string]any{"owner_id": bob.ID})
	mustStatus(t, status, 200, raw)

	// Bad owners: 422 on owner_id, nothing changed.
	before := dbState(t, env)
	for _, bad := range []any{uuid.NewString(), gone.ID, "nope", 7} {
		status, raw := env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+a.ID.String(), map[string]any{"owner_id": bad})
		if status != 422 && status != 400 {
			t.Errorf("owner %v: %d %s, want 422", bad, status, raw)
			continue
		}
		if body := decode[ErrorBody](t, raw); body.Error.Fields["owner_id"] == "" {
			t.Errorf("owner %v: %s, want a message on owner_id", bad, raw)
		}
	}
	if diff := stateDiff(before, dbState(t, env)); diff != "" {
		t.Errorf("bad owners changed %s", diff)
	}

	list := "/api/v1/boards/" + f.board.ID.String() + "/cards"
	status, raw = env.call(t, domain.RoleViewer, "GET", list+"?owner="+ann.ID.String(), nil)
	mustStatus(t, status, 200, raw)
	if got := cardIDs(t, raw); len(got) != 1 || got[0] != a.ID {
		t.Errorf("owner=ann: %v, want only %s", got, a.ID)
	}
	// "me" is each member's own list, never the other's cached page.
	for _, m := range []struct {
		member domain.Member
		want   uuid.UUID
	}{{ann, a.ID}, {bob, b.ID}} {
		cookie, _ := signIn(t, env, m.member.Email, password)
		status, raw := cookieGet(t, env, list+"?owner=me", cookie)
		mustStatus(t, status, 200, raw)
		if got := cardIDs(t, raw); len(got) != 1 || got[0] != m.want {
			t.Errorf("owner=me as %s: %v, want %s", m.member.Email, got, m.want)
		}
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", list+"?owner=me", nil)
	if status != 422 || decode[ErrorBody](t, raw).Error.Fields["owner"] == "" {
		t.Errorf("owner=me with a token: %d %s, want 422 on owner", status, raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", list+"?owner=someone", nil)
	if status != 422 {
		t.Errorf("owner=someone: %d %s, want 422", status, raw)
	}

	// null clears; support may not set owners (editors manage cards).
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+a.ID.String(), json.RawMessage(`{"owner_id":null}`))
	mustStatus(t, status, 200, raw)
	if got := decode[cardResponse](t, raw); got.OwnerID != nil {
		t.Errorf("cleared owner = %s", raw)
	}
	status, _ = env.call(t, domain.RoleSupport, "PATCH", "/api/v1/cards/"+a.ID.String(), map[string]any{"owner_id": ann.ID})
	if status != 403 {
		t.Errorf("support sets an owner: %d, want 403", status)
	}
}
