package api

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// TestCSRFOnEveryWriteRoute: with a session cookie, every POST/PATCH/DELETE of the API
// is refused (403 csrf_failed, nothing changed) without the X-CSRF-Token header or with
// a wrong one, and succeeds with the right one; reads need no header. The matrix above
// shows API tokens need none anywhere.
func TestCSRFOnEveryWriteRoute(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	admin := f.newMember(domain.RoleAdmin, signInPassword)
	cookie, csrf := signIn(t, env, admin.Email, signInPassword)
	send := func(r apiReq, csrfValue string) *http.Request {
		req := r.build(t)
		req.AddCookie(cookie)
		if csrfValue != "" {
			req.Header.Set(csrfHeader, csrfValue)
		}
		return req
	}

	table := authzTable()
	writes, reads := 0, 0
	keys := slices.Sorted(maps.Keys(table))
	// Signing out ends the cookie: that row goes last.
	keys = append(slices.DeleteFunc(keys, func(k string) bool { return k == "DELETE /api/v1/session" }), "DELETE /api/v1/session")
	for _, key := range keys {
		row := table[key]
		if row.least == "" {
			continue // public routes take no cookie
		}
		r := row.prepare(f)
		if r.method == http.MethodGet {
			reads++
			if rec := env.serve(t, send(r, "")); rec.Code != row.success {
				t.Errorf("%s with a cookie and no CSRF header: status %d, want %d (reads need none)", key, rec.Code, row.success)
			}
			continue
		}
		writes++
		for _, bad := range []string{"", "not-the-token", csrf + "x"} {
			before := dbState(t, env)
			rec := env.serve(t, send(r, bad))
			name := fmt.Sprintf("%s with a cookie and CSRF header %q", key, bad)
			if rec.Code != http.StatusForbidden || decode[ErrorBody](t, rec.Body.Bytes()).Error.Code != "csrf_failed" {
				t.Errorf("%s: status %d, want 403 csrf_failed: %s", name, rec.Code, rec.Body.Bytes())
			}
			if diff := stateDiff(before, dbState(t, env)); diff != "" {
				t.Errorf("%s: refused, but changed %s", name, diff)
			}
		}
		want := row.success
		if code, ok := sessionAnswers[key]; ok {
			want = code
		}
		if rec := env.serve(t, send(r, csrf)); rec.Code != want {
			t.Errorf("%s with a cookie and the right CSRF header: status %d, want %d: %s", key, rec.Code, want, rec.Body.Bytes())
		}
	}
	if writes < 20 || reads < 10 {
		t.Fatalf("only %d write and %d read routes tried", writes, reads)
	}
	t.Logf("%d write routes × 3 bad CSRF headers refused, then accepted with the right one; %d read routes without the header", writes, reads)

	// The role still counts for cookies: a viewer with the right CSRF header cannot create a board.
	viewer := f.newMember(domain.RoleViewer, signInPassword)
	vCookie, vCSRF := signIn(t, env, viewer.Email, signInPassword)
	req := apiReq{method: "POST", path: "/api/v1/boards", body: map[string]string{"name": "Nope"}}.build(t)
	req.AddCookie(vCookie)
	req.Header.Set(csrfHeader, vCSRF)
	if rec := env.serve(t, req); rec.Code != http.StatusForbidden || decode[ErrorBody](t, rec.Body.Bytes()).Error.Code != "forbidden" {
		t.Errorf("viewer cookie creating a board: status %d, want 403 forbidden: %s", rec.Code, rec.Body.Bytes())
	}
	// Another session's CSRF token does not fit this cookie.
	req = apiReq{method: "POST", path: "/api/v1/boards", body: map[string]string{"name": "Nope"}}.build(t)
	req.AddCookie(vCookie)
	req.Header.Set(csrfHeader, csrf)
	if rec := env.serve(t, req); rec.Code != http.StatusForbidden {
		t.Errorf("viewer cookie with the admin's CSRF token: status %d, want 403", rec.Code)
	}
}
