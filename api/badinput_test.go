package api

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// badCase is one request that must be refused: status, error code, the field that
// must carry a message ("" when the fault is not one field's), and no change in the DB.
type badCase struct {
	name   string
	req    apiReq
	status int
	code   string
	field  string
}

// queryCases are bad ?limit=, ?cursor=, ?sort= and filters on every list route.
func queryCases(f *fixtures) []badCase {
	card := "/api/v1/cards/" + f.card.ID.String()
	lists := []string{"/api/v1/boards", "/api/v1/boards/" + f.board.ID.String() + "/cards", card + "/activity", card + "/requests",
		card + "/conversations", "/api/v1/requesters", "/api/v1/requesters/" + f.requester.String() + "/requests",
		"/api/v1/members", "/api/v1/tokens"}
	get := func(path string) apiReq { return apiReq{method: "GET", path: path} }
	v := func(name, path, field string) badCase {
		return badCase{name, get(path), 422, "validation_failed", field}
	}
	// Cursors shaped like real ones, with a NUL or nonsense inside.
	nulCursor := base64.RawURLEncoding.EncodeToString([]byte(`{"s":"position","cp":1,"p":"a\u0000","n":"x\u0000","id":"` + uuid.NewString() + `"}`))
	var cases []badCase
	for _, list := range lists {
		for _, limit := range []string{"0", "201", "-1", "abc", "1.5", "1e3", "99999999999999999999"} {
			cases = append(cases, v(list+" limit="+limit, list+"?limit="+limit, "limit"))
		}
		// A bad cursor is its own code (issue 9): the client must start the list again.
		for _, cursor := range []string{"garbage!", "bm90IGEgY3Vyc29y", "e30", "AA", "%00"} {
			cases = append(cases, badCase{list + " cursor=" + cursor, get(list + "?cursor=" + cursor), 422, "invalid_cursor", "cursor"})
		}
		cases = append(cases, badCase{list + " forged cursor with NUL", get(list + "?cursor=" + nulCursor), 422, "invalid_cursor", "cursor"})
	}
	cardsList := "/api/v1/boards/" + f.board.ID.String() + "/cards"
	return append(cases,
		v("sort unknown", cardsList+"?sort=popular", "sort"),
		v("sort injection", cardsList+"?sort=position%3BDROP%20TABLE%20cards", "sort"),
		v("kind unknown", cardsList+"?kind=epic", "kind"),
		v("column_id not a UUID", cardsList+"?column_id=nope", "column_id"),
		v("column_id of another board", cardsList+"?column_id="+uuid.NewString(), "column_id"),
		v("q too long", cardsList+"?q="+strings.Repeat("q", 201), "q"),
		v("q with a control character", cardsList+"?q=a%00b", "q"),
		v("label with LF", cardsList+"?label=a%0Ab", "label"),
		v("requesters q with NUL", "/api/v1/requesters?q=a%00b", "q"),
		v("requesters q too long", "/api/v1/requesters?q="+strings.Repeat("q", 201), "q"),
		badCase{"list cards of a non-UUID board", get("/api/v1/boards/nope/cards"), 400, "invalid_id", "id"},
		badCase{"list cards of no board", get("/api/v1/boards/" + uuid.NewString() + "/cards"), 404, "not_found", ""},
	)
}

// pathIDCases: non-UUID ids in the path of every DELETE route and of the reads.
func pathIDCases(f *fixtures) []badCase {
	card := "/api/v1/cards/" + f.card.ID.String()
	var cases []badCase
	for _, p := range []struct{ path, field string }{
		{"/api/v1/members/nope", "id"}, {"/api/v1/tokens/nope", "id"}, {"/api/v1/boards/nope", "id"},
		{"/api/v1/columns/nope", "id"}, {"/api/v1/cards/nope", "id"}, {"/api/v1/requesters/nope", "id"},
		{"/api/v1/cards/nope/requests/" + f.requester.String(), "id"}, {card + "/requests/nope", "requester_id"},
	} {
		cases = append(cases, badCase{"DELETE " + p.path, apiReq{method: "DELETE", path: p.path}, 400, "invalid_id", p.field})
	}
	for _, p := range []string{"/api/v1/boards/nope", "/api/v1/cards/nope", "/api/v1/cards/nope/activity", "/api/v1/cards/nope/requests",
		"/api/v1/cards/nope/conversations", "/api/v1/requesters/nope", "/api/v1/requesters/nope/requests", "/api/v1/cards/12345"} {
		cases = append(cases, badCase{"GET " + p, apiReq{method: "GET", path: p}, 400, "invalid_id", "id"})
	}
	return cases
}

// TestBadInput sends every kind of bad input to the write and list routes and checks
// the documented 4xx, the one error shape with a message for the offending field, and
// that the database did not change at all.
func TestBadInput(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	var cases []badCase
	for _, r := range writeRoutes(f) {
		cases = append(cases, bodyCases(f, r)...)
	}
	cases = append(cases, fieldCases(f)...)
	cases = append(cases, queryCases(f)...)
	cases = append(cases, pathIDCases(f)...)

	for _, tc := range cases {
		before := dbState(t, env)
		req := tc.req.build(t)
		req.Header.Set("Authorization", "Bearer "+env.tokens[domain.RoleAdmin])
		rec := env.serve(t, req)
		raw := rec.Body.Bytes()
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, rec.Code, tc.status, truncate(raw, 300))
			continue
		}
		if got := rec.Header().Get("Content-Type"); got != "application/json" {
			t.Errorf("%s: Content-Type %q", tc.name, got)
		}
		e := decode[ErrorBody](t, raw).Error
		if e.Code != tc.code || e.Message == "" {
			t.Errorf("%s: error %+v, want code %q and a message", tc.name, e, tc.code)
		}
		if tc.field != "" && e.Fields[tc.field] == "" {
			t.Errorf("%s: no message for field %q in %s", tc.name, tc.field, raw)
		}
		if strings.Contains(strings.ToLower(string(raw)), "sql") || strings.Contains(string(raw), "json: ") {
			t.Errorf("%s: internal error text in the answer: %s", tc.name, raw)
		}
		if diff := stateDiff(before, dbState(t, env)); diff != "" {
			t.Errorf("%s: refused with %d, but changed %s", tc.name, rec.Code, diff)
		}
	}
	t.Logf("%d bad requests refused with the documented status and changed nothing", len(cases))
}
