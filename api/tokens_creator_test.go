package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// TestTokensStopWithTheirCreator: an API token made by a member stops working the moment
// that member is disabled (again when re-enabled) or deleted, and the token list says
// why; tokens made by the command line belong to no member and go on.
func TestTokensStopWithTheirCreator(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	f.newMember(domain.RoleAdmin, signInPassword) // so the others are not the last admin
	// makeToken signs a new admin in and has them create a token through the API.
	makeToken := func() (domain.Member, tokenResponse) {
		m := f.newMember(domain.RoleAdmin, signInPassword)
		cookie, csrf := signIn(t, env, m.Email, signInPassword)
		req := httptest.NewRequest("POST", "/api/v1/tokens", strings.NewReader(`{"name":"zendesk","role":"support"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(csrfHeader, csrf)
		req.AddCookie(cookie)
		rec := env.serve(t, req)
		mustStatus(t, rec.Code, http.StatusCreated, rec.Body.Bytes())
		return m, decode[tokenResponse](t, rec.Body.Bytes())
	}
	use := func(tok tokenResponse) (int, string) {
		req := httptest.NewRequest("GET", "/api/v1/boards", nil)
		req.Header.Set("Authorization", "Bearer "+tok.Token)
		rec := env.serve(t, req)
		return rec.Code, rec.Body.String()
	}
	listed := func(id uuid.UUID) tokenResponse {
		status, body := env.call(t, domain.RoleAdmin, "GET", "/api/v1/tokens", nil)
		mustStatus(t, status, http.StatusOK, body)
		for _, tok := range decode[listResponse[tokenResponse]](t, body).Items {
			if tok.ID == id {
				return tok
			}
		}
		t.Fatalf("token %s not listed: %s", id, body)
		return tokenResponse{}
	}

	ada, tok := makeToken()
	if got, body := use(tok); got != http.StatusOK {
		t.Fatalf("fresh token: %d %s", got, body)
	}
	if l := listed(tok.ID); l.Status != "active" || l.CreatedBy == nil || *l.CreatedBy != ada.ID {
		t.Errorf("listed as %q by %v, want active by %s", l.Status, l.CreatedBy, ada.ID)
	}
	status, body := env.call(t, domain.RoleAdmin, "PATCH", "/api/v1/members/"+ada.ID.String(), map[string]any{"disabled": true})
	mustStatus(t, status, http.StatusOK, body)
	if got, body := use(tok); got != http.StatusUnauthorized || !strings.Contains(body, "disabled") {
		t.Errorf("token of a disabled member: %d %s, want 401 saying why", got, body)
	}
	if l := listed(tok.ID); l.Status != "creator_disabled" {
		t.Errorf("token of a disabled member listed as %q, want creator_disabled", l.Status)
	}
	status, body = env.call(t, domain.RoleAdmin, "PATCH", "/api/v1/members/"+ada.ID.String(), map[string]any{"disabled": false})
	mustStatus(t, status, http.StatusOK, body)
	if got, body := use(tok); got != http.StatusOK {
		t.Errorf("token of a re-enabled member: %d %s, want 200", got, body)
	}

	bo, tok2 := makeToken()
	status, body = env.call(t, domain.RoleAdmin, "DELETE", "/api/v1/members/"+bo.ID.String(), nil)
	mustStatus(t, status, http.StatusNoContent, body)
	if got, body := use(tok2); got != http.StatusUnauthorized {
		t.Errorf("token of a deleted member: %d %s, want 401", got, body)
	}
	if l := listed(tok2.ID); l.Status != "creator_deleted" || l.RevokedAt == nil {
		t.Errorf("token of a deleted member listed as %q (revoked %v), want creator_deleted, revoked", l.Status, l.RevokedAt)
	}
	if l := listed(tok.ID); l.Status != "active" {
		t.Errorf("another member's token listed as %q after the deletion, want active", l.Status)
	}
	// A disabled member cannot make a token, even with a request already under way.
	_, _, err := env.svc.CreateToken(context.Background(), domain.Actor{MemberID: bo.ID, Name: "Bo", Role: domain.RoleAdmin}, "late", domain.RoleViewer)
	if domain.KindOf(err) != domain.KindUnauthorized {
		t.Errorf("a deleted member creating a token: %v, want unauthorized", err)
	}
	// Tokens from the command line have no creator and keep working.
	if got, body := use(tokenResponse{Token: env.tokens[domain.RoleViewer]}); got != http.StatusOK {
		t.Errorf("a command-line token: %d %s", got, body)
	}
}
