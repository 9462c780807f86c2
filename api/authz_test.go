package api

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// callers are the five kinds of caller the matrix tries on every route.
var callers = []domain.Role{"", domain.RoleViewer, domain.RoleSupport, domain.RoleEditor, domain.RoleAdmin}

// TestAuthorizationMatrix walks every registered route × {anonymous, viewer, support,
// editor, admin} with API tokens (no CSRF header) and asserts the exact status. A
// refused call must change nothing in the database.
func TestAuthorizationMatrix(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	table := authzTable()
	registered := map[string]bool{}
	for _, r := range env.srv.Routes() {
		registered[r.Method+" "+r.Path] = true
	}
	for key := range registered {
		if _, ok := table[key]; !ok {
			t.Errorf("route %s has no row in authzTable: add what it needs and answers", key)
		}
	}
	for key := range table {
		if !registered[key] {
			t.Errorf("authzTable has a row for %s, which the server does not register", key)
		}
	}
	checkRolesMatchDocument(t, table)

	checked := 0
	for _, key := range slices.Sorted(maps.Keys(table)) {
		row := table[key]
		for _, caller := range callers {
			want, refused := row.success, false
			switch {
			case row.least == "":
			case caller == "":
				want, refused = http.StatusUnauthorized, true
			case !caller.Includes(row.least):
				want, refused = http.StatusForbidden, true
			}
			f.caller = caller // for rows whose object must be the caller's own (a comment)
			r := row.prepare(f)
			req := r.build(t)
			if caller != "" {
				req.Header.Set("Authorization", "Bearer "+env.tokens[caller])
			}
			before := dbState(t, env)
			rec := env.serve(t, req)
			checked++
			name := fmt.Sprintf("%s as %s", key, callerName(caller))
			if rec.Code != want {
				t.Errorf("%s: status %d, want %d: %s", name, rec.Code, want, truncate(rec.Body.Bytes(), 300))
			}
			if refused {
				wantCode := map[int]string{401: "unauthorized", 403: "forbidden"}[want]
				if got := decode[ErrorBody](t, rec.Body.Bytes()).Error.Code; got != wantCode {
					t.Errorf("%s: error code %q, want %q", name, got, wantCode)
				}
				if diff := stateDiff(before, dbState(t, env)); diff != "" {
					t.Errorf("%s: refused, but changed %s", name, diff)
				}
			}
		}
	}
	t.Logf("%d routes × %d callers: %d calls checked", len(table), len(callers), checked)
}

func callerName(r domain.Role) string {
	if r == "" {
		return "anonymous"
	}
	return string(r)
}

// checkRolesMatchDocument: each row's least role is the x-min-role of its operation in
// api/openapi.json, and public rows are public there.
func checkRolesMatchDocument(t *testing.T, table map[string]authzRow) {
	t.Helper()
	doc, _, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	for key, row := range table {
		method, path, _ := strings.Cut(key, " ")
		if path == "/*" {
			continue // the web UI is not part of the API document
		}
		item := doc.Paths.Value(echoParam.ReplaceAllString(path, "{$1}"))
		if item == nil || item.GetOperation(method) == nil {
			t.Errorf("%s: not in api/openapi.json", key)
			continue
		}
		role, _ := item.GetOperation(method).Extensions["x-min-role"].(string)
		if domain.Role(role) != row.least {
			t.Errorf("%s: api/openapi.json says x-min-role %q, the matrix %q", key, role, row.least)
		}
	}
}
