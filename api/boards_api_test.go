package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// callResp is env.call that also returns the response headers (for ETag).
func (e *testAPI) callResp(t testing.TB, role domain.Role, method, path string, body any, headers ...string) (*httptest.ResponseRecorder, []byte) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(method, path, strings.NewReader(string(raw)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.tokens[role])
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := e.serve(t, req)
	return rec, rec.Body.Bytes()
}

type boardJSON struct {
	ID      uuid.UUID `json:"id"`
	Name    string    `json:"name"`
	Columns []struct {
		ID       uuid.UUID `json:"id"`
		Name     string    `json:"name"`
		Stage    string    `json:"stage"`
		Position int       `json:"position"`
	} `json:"columns"`
	EmailSubject string `json:"email_subject"`
}

// createBoardAPI creates a board with the default columns through the API.
func createBoardAPI(t *testing.T, env *testAPI, name string) boardJSON {
	t.Helper()
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards", map[string]any{"name": name})
	mustStatus(t, status, http.StatusCreated, raw)
	return decode[boardJSON](t, raw)
}

// jsonKeys returns the sorted keys of a JSON object.
func jsonKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	return slices.Sorted(func(yield func(string) bool) {
		for k := range decode[map[string]json.RawMessage](t, raw) {
			if !yield(k) {
				return
			}
		}
	})
}

func TestBoardsAPI(t *testing.T) {
	env := newTestAPI(t)
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards", map[string]any{
		"name": "Roadmap", "description": "What we build next",
		"columns": []map[string]string{{"name": "Later", "stage": "open"}, {"name": "Shipped", "stage": "done"}}})
	mustStatus(t, status, http.StatusCreated, raw)
	want := []string{"columns", "created_at", "description", "email_intro", "email_subject", "id", "name", "public", "slug", "updated_at"}
	if got := jsonKeys(t, raw); !slices.Equal(got, want) {
		t.Errorf("board keys = %v, want %v", got, want)
	}
	b := decode[boardJSON](t, raw)
	if len(b.Columns) != 2 || b.Columns[1].Name != "Shipped" || b.Columns[1].Stage != "done" || b.Columns[1].Position != 1 {
		t.Errorf("columns: %s", raw)
	}
	defaults := createBoardAPI(t, env, "Ideas")
	if len(defaults.Columns) != 4 || defaults.Columns[2].Stage != "in_progress" {
		t.Errorf("default columns: %+v", defaults.Columns)
	}

	path := "/api/v1/boards/" + b.ID.String()
	status, raw = env.call(t, domain.RoleEditor, "PATCH", path, map[string]string{"email_subject": "Shipped for you", "name": "Roadmap 2025"})
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[boardJSON](t, raw); got.EmailSubject != "Shipped for you" || got.Name != "Roadmap 2025" {
		t.Errorf("patched board: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/boards?limit=1", nil)
	mustStatus(t, status, http.StatusOK, raw)
	page := decode[listResponse[boardJSON]](t, raw)
	if len(page.Items) != 1 || page.Items[0].Name != "Ideas" || page.NextCursor == nil {
		t.Fatalf("first page: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/boards?limit=1&cursor="+*page.NextCursor, nil)
	mustStatus(t, status, http.StatusOK, raw)
	if page = decode[listResponse[boardJSON]](t, raw); len(page.Items) != 1 || page.Items[0].ID != b.ID || page.NextCursor != nil {
		t.Fatalf("second page: %s", raw)
	}

	status, raw = env.call(t, domain.RoleEditor, "DELETE", path, nil)
	mustStatus(t, status, http.StatusNoContent, raw)
	status, raw = env.call(t, domain.RoleViewer, "GET", path, nil)
	mustStatus(t, status, http.StatusNotFound, raw)
}

func TestBoardsAPIRefusals(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Roadmap")
	path := "/api/v1/boards/" + b.ID.String()
	tests := []struct {
		name, method, path string
		role               domain.Role
		body               any
		status             int
		field              string
	}{
		{"anonymous", "GET", "/api/v1/boards", "", nil, http.StatusUnauthorized, ""},
		{"viewer creates", "POST", "/api/v1/boards", domain.RoleViewer, map[string]string{"name": "x"}, http.StatusForbidden, ""},
		{"support deletes", "DELETE", path, domain.RoleSupport, nil, http.StatusForbidden, ""},
		{"no name", "POST", "/api/v1/boards", domain.RoleEditor, map[string]string{"description": "x"}, http.StatusUnprocessableEntity, "name"},
		{"empty columns", "POST", "/api/v1/boards", domain.RoleEditor, map[string]any{"name": "x", "columns": []any{}}, http.StatusUnprocessableEntity, "columns"},
		{"bad stage", "POST", "/api/v1/boards", domain.RoleEditor, map[string]any{"name": "x", "columns": []map[string]string{{"name": "A", "stage": "soon"}}}, http.StatusUnprocessableEntity, "columns[0].stage"},
		{"unknown field", "POST", "/api/v1/boards", domain.RoleEditor, map[string]string{"name": "x", "owner": "me"}, http.StatusBadRequest, "owner"},
		{"subject with CRLF", "PATCH", path, domain.RoleEditor, map[string]string{"email_subject": "Hi\r\nBcc: x@example.com"}, http.StatusUnprocessableEntity, "email_subject"},
		{"long intro", "PATCH", path, domain.RoleEditor, map[string]string{"email_intro": strings.Repeat("i", 2001)}, http.StatusUnprocessableEntity, "email_intro"},
		{"bad id", "GET", "/api/v1/boards/nope", domain.RoleViewer, nil, http.StatusBadRequest, "id"},
		{"unknown board", "PATCH", "/api/v1/boards/" + uuid.NewString(), domain.RoleEditor, map[string]string{"name": "x"}, http.StatusNotFound, ""},
		{"bad limit", "GET", "/api/v1/boards?limit=0", domain.RoleViewer, nil, http.StatusUnprocessableEntity, "limit"},
		{"bad cursor", "GET", "/api/v1/boards?cursor=abc", domain.RoleViewer, nil, http.StatusUnprocessableEntity, "cursor"},
	}
	for _, tt := range tests {
		status, raw := env.call(t, tt.role, tt.method, tt.path, tt.body)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.name, status, tt.status, raw)
			continue
		}
		if tt.field != "" && decode[ErrorBody](t, raw).Error.Fields[tt.field] == "" {
			t.Errorf("%s: no message for %s: %s", tt.name, tt.field, raw)
		}
	}
}

func TestColumnsAPI(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Roadmap")
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards/"+b.ID.String()+"/columns",
		map[string]any{"name": "Inbox", "stage": "open", "position": 0})
	mustStatus(t, status, http.StatusCreated, raw)
	col := decode[struct {
		ID       uuid.UUID `json:"id"`
		Position int       `json:"position"`
	}](t, raw)
	if col.Position != 0 {
		t.Errorf("new column: %s", raw)
	}
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/columns/"+col.ID.String(), map[string]any{"position": 4, "stage": "declined"})
	mustStatus(t, status, http.StatusOK, raw)
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+b.ID.String(), nil)
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[boardJSON](t, raw); got.Columns[4].ID != col.ID || got.Columns[4].Stage != "declined" || got.Columns[0].Name != "Ideas" {
		t.Errorf("after moving the column: %s", raw)
	}
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/columns/"+col.ID.String(), map[string]any{"stage": "later"})
	if status != http.StatusUnprocessableEntity || decode[ErrorBody](t, raw).Error.Fields["stage"] == "" {
		t.Errorf("bad stage: %d %s", status, raw)
	}

	// A column holding a card answers 409 with how many cards and what to do.
	status, raw = env.call(t, domain.RoleEditor, "POST", "/api/v1/boards/"+b.ID.String()+"/cards",
		map[string]any{"column_id": b.Columns[0].ID, "kind": "idea", "title": "Dark mode"})
	mustStatus(t, status, http.StatusCreated, raw)
	status, raw = env.call(t, domain.RoleEditor, "DELETE", "/api/v1/columns/"+b.Columns[0].ID.String(), nil)
	mustStatus(t, status, http.StatusConflict, raw)
	if msg := decode[ErrorBody](t, raw).Error.Message; !strings.Contains(msg, "1 card") || !strings.Contains(msg, "move") {
		t.Errorf("conflict message: %q", msg)
	}
	status, raw = env.call(t, domain.RoleEditor, "DELETE", "/api/v1/columns/"+col.ID.String(), nil)
	mustStatus(t, status, http.StatusNoContent, raw)
	status, raw = env.call(t, domain.RoleEditor, "DELETE", "/api/v1/columns/"+col.ID.String(), nil)
	mustStatus(t, status, http.StatusNotFound, raw)
}
