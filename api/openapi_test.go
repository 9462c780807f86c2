package api

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

var echoParam = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)`)

// registeredRoutes is every "METHOD /path/{param}" the server registers, in OpenAPI's
// spelling, without the web UI's catch-all (/*) and without HEAD/OPTIONS.
func registeredRoutes(s *Server) []string {
	var out []string
	for _, r := range s.Routes() {
		if r.Path == "/*" || r.Method == http.MethodHead || r.Method == http.MethodOptions {
			continue
		}
		out = append(out, r.Method+" "+echoParam.ReplaceAllString(r.Path, "{$1}"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestOpenAPIDocument: api/openapi.json is a valid OpenAPI 3 document, describes every
// route the server registers and no route it lacks, and is what /api/openapi.json serves.
func TestOpenAPIDocument(t *testing.T) {
	doc, _, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, method+" "+path)
		}
	}
	slices.Sort(documented)
	registered := registeredRoutes(New(Deps{}))
	if len(registered) < 40 {
		t.Fatalf("only %d routes registered: %v", len(registered), registered)
	}
	undocumented, unregistered := routeDrift(documented, registered)
	for _, r := range undocumented {
		t.Errorf("route %s is registered but not documented in api/openapi.json", r)
	}
	for _, d := range unregistered {
		t.Errorf("api/openapi.json documents %s, which the server does not register", d)
	}

	// Every operation has an id, a summary, a 2xx answer, and the v1 API names its least role.
	ids := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := method + " " + path
			if op.OperationID == "" || op.Summary == "" {
				t.Errorf("%s: needs an operationId and a summary", where)
			}
			if other, dup := ids[op.OperationID]; dup {
				t.Errorf("%s and %s share operationId %s", where, other, op.OperationID)
			}
			ids[op.OperationID] = where
			ok := false
			for code := range op.Responses.Map() {
				ok = ok || strings.HasPrefix(code, "2")
			}
			if !ok {
				t.Errorf("%s: documents no success answer", where)
			}
			role, _ := op.Extensions["x-min-role"].(string)
			public := op.Security != nil && len(*op.Security) == 0
			switch {
			case strings.HasPrefix(path, "/api/v1/") && !publicV1[where]:
				if !domain.Role(role).Valid() || public {
					t.Errorf("%s: needs x-min-role (one of the four roles) and security, got %q", where, role)
				}
			case !public || role != "":
				t.Errorf("%s: is public; it needs security: [] and no x-min-role", where)
			}
		}
	}

	env := newTestAPI(t)
	status, body := env.call(t, "", "GET", "/api/openapi.json", nil)
	mustStatus(t, status, http.StatusOK, body)
	var served, onDisk any
	if err := json.Unmarshal(body, &served); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(openapiDoc, &onDisk); err != nil {
		t.Fatal(err)
	}
	if got, want := mustJSON(t, served), mustJSON(t, onDisk); got != want {
		t.Error("GET /api/openapi.json does not serve api/openapi.json")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// publicV1 are the v1 routes without sign-in: signing in, "Forgot password?" and the
// pages of emailed links (the token is the credential), and help desks' deliveries
// (the signature is).
var publicV1 = map[string]bool{
	"POST /api/v1/session": true, "POST /api/v1/session/reset": true,
	"GET /api/v1/session/links/{token}": true, "POST /api/v1/session/links/{token}": true,
	"POST /api/v1/hooks/in/{integration_id}": true,
}

// routeDrift compares the documented and registered "METHOD /path" sets both ways.
func routeDrift(documented, registered []string) (undocumented, unregistered []string) {
	for _, r := range registered {
		if !slices.Contains(documented, r) {
			undocumented = append(undocumented, r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(registered, d) {
			unregistered = append(unregistered, d)
		}
	}
	return undocumented, unregistered
}

func TestRouteDrift(t *testing.T) {
	registered := registeredRoutes(New(Deps{}))
	if !slices.Contains(registered, "GET /api/v1/cards/{id}/requests") || !slices.Contains(registered, "DELETE /api/v1/cards/{id}/requests/{requester_id}") ||
		slices.ContainsFunc(registered, func(r string) bool { return strings.Contains(r, ":") || strings.HasSuffix(r, "/*") }) {
		t.Fatalf("registeredRoutes must translate :params to {params} and drop the catch-all: %v", registered)
	}
	documented := slices.DeleteFunc(slices.Clone(registered), func(r string) bool { return r == "POST /api/v1/boards" })
	documented = append(documented, "GET /api/v1/widgets")
	undocumented, unregistered := routeDrift(documented, registered)
	if !slices.Equal(undocumented, []string{"POST /api/v1/boards"}) || !slices.Equal(unregistered, []string{"GET /api/v1/widgets"}) {
		t.Errorf("routeDrift = %v, %v; want the missing POST /api/v1/boards and the extra GET /api/v1/widgets", undocumented, unregistered)
	}
}
