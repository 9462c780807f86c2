package api

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// Every list that takes ?cursor= (found in api/openapi.json, so a new list is covered
// by itself) answers 422 invalid_cursor, with fields.cursor, for any cursor that does
// not decode to a position of that list: never a 500, never another list's page.
func TestForgedCursorsAreInvalidCursor(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	doc, _, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{"/boards/": f.board.ID.String(), "/cards/": f.card.ID.String(), "/requesters/": f.requester.String(),
		"/webhooks/": f.newWebhook().ID.String(), "/integrations/": f.newIntegration("intercom").ID.String()}
	var lists []string
	for path, item := range doc.Paths.Map() {
		if item.Get == nil || !slices.ContainsFunc(item.Get.Parameters, func(p *openapi3.ParameterRef) bool { return p.Value.Name == "cursor" }) {
			continue
		}
		for prefix, id := range ids {
			if strings.Contains(path, prefix+"{id}") {
				path = strings.Replace(path, prefix+"{id}", prefix+id, 1)
			}
		}
		lists = append(lists, path)
	}
	slices.Sort(lists)
	if len(lists) < 11 {
		t.Fatalf("found %d lists with a cursor in the document, want every one of them (11 or more): %v", len(lists), lists)
	}
	id := uuid.NewString()
	forged := map[string]string{
		"not base64":                "%%%",
		"not JSON":                  b64(`nope`),
		"JSON null":                 b64(`null`),
		"a number":                  b64(`12`),
		"column position > int32":   b64(`{"s":"position","cp":99999999999,"p":"a","id":"` + id + `"}`),
		"requester count > int32":   b64(`{"s":"demand","rc":-99999999999,"t":"2024-05-01T10:00:00Z","id":"` + id + `"}`),
		"a number beyond int64":     b64(`{"s":"position","cp":1e30,"p":"a","id":"` + id + `"}`),
		"year 0":                    b64(`{"t":"0000-01-01T00:00:00Z","id":"` + id + `"}`),
		"no id":                     b64(`{"t":"2024-05-01T10:00:00Z","id":"00000000-0000-0000-0000-000000000000"}`),
		"NUL in a text key":         b64(`{"n":"a\u0000","e":"a\u0000@x","id":"` + id + `"}`),
		"a field no list has":       b64(`{"t":"2024-05-01T10:00:00Z","id":"` + id + `","x":1}`),
		"not an address":            b64(`{"e":"nobody"}`),
		"a sort this list is not":   b64(`{"s":"sideways","id":"` + id + `"}`),
		"an id that is not an UUID": b64(`{"id":"123"}`),
	}
	for _, path := range lists {
		for name, cursor := range forged {
			status, raw := env.call(t, domain.RoleAdmin, "GET", path+"?cursor="+url.QueryEscape(cursor), nil)
			body := decode[ErrorBody](t, raw)
			if status != http.StatusUnprocessableEntity || body.Error.Code != "invalid_cursor" || body.Error.Fields["cursor"] == "" {
				t.Errorf("GET %s with a cursor (%s) = %d %s, want 422 invalid_cursor with fields.cursor", path, name, status, raw)
			}
		}
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
