package api

import (
	"encoding/json"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// writeRoute is a route with a JSON body: a valid body and one of its string fields.
type writeRoute struct {
	method, path string // path may hold {id}, replaced by a real id
	id           func(f *fixtures) string
	valid        map[string]any
	field        string
}

func writeRoutes(f *fixtures) []writeRoute {
	board := func(f *fixtures) string { return f.board.ID.String() }
	card := func(f *fixtures) string { return f.card.ID.String() }
	member := f.newMember(domain.RoleViewer, signInPassword)
	return []writeRoute{
		{"POST", "/api/v1/session", nil, map[string]any{"email": member.Email, "password": "wrong but long"}, "email"},
		{"POST", "/api/v1/members", nil, map[string]any{"email": "m@example.com", "name": "M", "role": "viewer", "password": "long enough pw"}, "name"},
		{"PATCH", "/api/v1/members/{id}", func(*fixtures) string { return member.ID.String() }, map[string]any{"name": "M"}, "name"},
		{"POST", "/api/v1/tokens", nil, map[string]any{"name": "ci", "role": "viewer"}, "name"},
		{"POST", "/api/v1/boards", nil, map[string]any{"name": "Roadmap"}, "name"},
		{"PATCH", "/api/v1/boards/{id}", board, map[string]any{"name": "Roadmap"}, "name"},
		{"POST", "/api/v1/boards/{id}/columns", board, map[string]any{"name": "Triage", "stage": "open"}, "name"},
		{"PATCH", "/api/v1/columns/{id}", func(f *fixtures) string { return f.board.Columns[0].ID.String() }, map[string]any{"name": "Ideas"}, "name"},
		{"POST", "/api/v1/boards/{id}/cards", board, map[string]any{"column_id": f.board.Columns[0].ID, "kind": "idea", "title": "Dark mode"}, "title"},
		{"PATCH", "/api/v1/cards/{id}", card, map[string]any{"title": "Dark mode"}, "title"},
		{"POST", "/api/v1/cards/{id}/move", card, map[string]any{"column_id": f.board.Columns[1].ID}, "column_id"},
		{"POST", "/api/v1/cards/{id}/requests", card, map[string]any{"email": "ada@example.com"}, "email"},
		{"POST", "/api/v1/cards/{id}/conversations", card, map[string]any{"url": "https://acme.zendesk.com/agent/tickets/1"}, "url"},
		{"PATCH", "/api/v1/requesters/{id}", func(f *fixtures) string { return f.requester.String() }, map[string]any{"name": "Ada"}, "name"},
	}
}

// bodyCases are the faults every JSON body route must refuse the same way.
func bodyCases(f *fixtures, r writeRoute) []badCase {
	path := r.path
	if r.id != nil {
		path = strings.Replace(path, "{id}", r.id(f), 1)
	}
	req := func(body any, headers ...string) apiReq {
		return apiReq{method: r.method, path: path, body: body, headers: headers}
	}
	with := func(extra map[string]any) map[string]any {
		b := map[string]any{}
		for k, v := range r.valid {
			b[k] = v
		}
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	name := r.method + " " + r.path + ": "
	cases := []badCase{
		{name + "malformed JSON", req(`{"` + r.field + `": `), 400, "malformed_body", ""},
		{name + "not JSON at all", req(`name=Roadmap`), 400, "malformed_body", ""},
		{name + "an array, not an object", req(`["` + r.field + `"]`), 400, "malformed_body", ""},
		{name + "empty body", req(``), 400, "malformed_body", ""},
		{name + "two objects", req(`{} {}`), 400, "malformed_body", ""},
		{name + "deeply nested", req(strings.Repeat("[", 20000) + strings.Repeat("]", 20000)), 400, "malformed_body", ""},
		{name + "unknown field", req(with(map[string]any{"is_admin": true})), 400, "unknown_field", "is_admin"},
		{name + "wrong type", req(with(map[string]any{r.field: 42})), 400, "wrong_type", r.field},
		{name + "object for a string", req(with(map[string]any{r.field: map[string]any{"$gt": ""}})), 400, "wrong_type", r.field},
		{name + "larger than 1 MiB", req(with(map[string]any{r.field: strings.Repeat("x", maxBody)})), 413, "body_too_large", ""},
		{name + "form content type", req(`{}`, "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_media_type", ""},
		{name + "text content type", req(with(nil), "Content-Type", "text/plain"), 415, "unsupported_media_type", ""},
		// A page on another site can send a body with no Content-Type at all (fetch with a Blob).
		{name + "no content type", req(with(nil), "Content-Type", ""), 415, "unsupported_media_type", ""},
		{name + "invalid UTF-8 in a string", req(withRaw(with(nil), r.field, "a\xffb")), 400, "invalid_utf8", r.field},
		{name + "unpaired surrogate escape", req(withRaw(with(nil), r.field, `a\ud800b`)), 400, "invalid_utf8", r.field},
	}
	if r.id != nil {
		for _, bad := range []string{"not-a-uuid", "1", "01a20bc9-75e6-72fa-8de3-8ae6708cc95", "' OR 1=1 --"} {
			cases = append(cases, badCase{name + "non-UUID id " + bad,
				apiReq{method: r.method, path: strings.Replace(r.path, "{id}", urlEscape(bad), 1), body: r.valid}, 400, "invalid_id", "id"})
		}
	}
	return cases
}

// withRaw is body as JSON with field's value replaced by raw, written as is between quotes
// (for bytes json.Marshal would never write).
func withRaw(body map[string]any, field, raw string) string {
	b := map[string]any{}
	for k, v := range body {
		b[k] = v
	}
	b[field] = "\x00marker"
	out, _ := json.Marshal(b)
	return strings.Replace(string(out), `"\u0000marker"`, `"`+raw+`"`, 1)
}

func urlEscape(s string) string {
	return strings.NewReplacer(" ", "%20", "'", "%27", "=", "%3D").Replace(s)
}
