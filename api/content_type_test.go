package api

import (
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// formBodies are the write routes whose body is not JSON, and why.
var formBodies = map[string]string{
	"POST /u/:token": "RFC 8058: mail providers POST List-Unsubscribe=One-Click as a form",
	// The public pages' forms post as browsers do, without script (their own test checks
	// that nothing else is taken).
	"POST /r/:token":                         "the reaction page's form",
	"POST /v/:token":                         "the confirmation page's form",
	"POST /roadmap/:slug/cards/:number/want": "the public roadmap's form",
	"POST /api/v1/imports/requests":          "a CSV upload (text/csv; imports_csv_test.go checks the types)",
}

// TestJSONWritesNeedContentType: every route that takes a JSON body refuses it with 415
// and changes nothing unless it comes with Content-Type: application/json. Another
// site's page can POST a body without a Content-Type (fetch with a Blob, no preflight),
// so accepting one would let it sign a browser in to an account of its choosing (login
// CSRF) or write with a session that has no CSRF token to check (POST /session).
func TestJSONWritesNeedContentType(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	table := authzTable()
	tried := 0
	for _, key := range slices.Sorted(maps.Keys(table)) {
		row := table[key]
		r := row.prepare(f)
		if r.body == nil || formBodies[key] != "" {
			continue
		}
		for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"} {
			req := apiReq{method: r.method, path: r.path, body: r.body, headers: append(slices.Clone(r.headers), "Content-Type", ct)}.build(t)
			if row.least != "" {
				req.Header.Set("Authorization", "Bearer "+env.tokens[domain.RoleAdmin])
			}
			before := dbState(t, env)
			rec := env.serve(t, req)
			if rec.Code != http.StatusUnsupportedMediaType || decode[ErrorBody](t, rec.Body.Bytes()).Error.Code != "unsupported_media_type" {
				t.Errorf("%s with Content-Type %q: status %d, want 415 unsupported_media_type: %s", key, ct, rec.Code, truncate(rec.Body.Bytes(), 200))
			}
			if diff := stateDiff(before, dbState(t, env)); diff != "" {
				t.Errorf("%s with Content-Type %q: refused, but changed %s", key, ct, diff)
			}
		}
		tried++
		// The same request with the header is accepted (so the refusal above was the header's).
		req := r.build(t)
		if row.least != "" {
			req.Header.Set("Authorization", "Bearer "+env.tokens[domain.RoleAdmin])
		}
		if rec := env.serve(t, req); rec.Code != row.success {
			t.Errorf("%s with Content-Type: application/json: status %d, want %d: %s", key, rec.Code, row.success, truncate(rec.Body.Bytes(), 200))
		}
	}
	if tried < 12 {
		t.Fatalf("only %d routes with a JSON body tried", tried)
	}
	// Parameters of the media type are fine.
	m := f.newMember(domain.RoleViewer, signInPassword)
	status, body := env.call(t, "", "POST", "/api/v1/session", map[string]string{"email": m.Email, "password": signInPassword},
		"Content-Type", "application/json; charset=utf-8")
	mustStatus(t, status, http.StatusCreated, body)
}
