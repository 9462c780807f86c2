package api

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

type cardJSONBody struct {
	ID          uuid.UUID `json:"id"`
	BoardID     uuid.UUID `json:"board_id"`
	ColumnID    uuid.UUID `json:"column_id"`
	Title       string    `json:"title"`
	Labels      []string  `json:"labels"`
	Version     int       `json:"version"`
	ReleaseNote string    `json:"release_note"`
	ShippedAt   *string   `json:"shipped_at"`
}

// shipCounter counts CardShipped calls.
type shipCounter struct {
	mu    sync.Mutex
	cards []uuid.UUID
}

func (n *shipCounter) CardShipped(_ context.Context, tx *sql.Tx, cardID uuid.UUID) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if tx != nil {
		n.cards = append(n.cards, cardID)
	}
	return nil
}

func (n *shipCounter) RequesterJoinedShippedCard(context.Context, *sql.Tx, uuid.UUID, uuid.UUID) error {
	return nil
}

func createCardAPI(t *testing.T, env *testAPI, b boardJSON, col int, title string) cardJSONBody {
	t.Helper()
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards/"+b.ID.String()+"/cards",
		map[string]any{"column_id": b.Columns[col].ID, "kind": "idea", "title": title})
	mustStatus(t, status, http.StatusCreated, raw)
	return decode[cardJSONBody](t, raw)
}

func TestCardsAPI(t *testing.T) {
	ships := &shipCounter{}
	env := newTestAPI(t, ships)
	b, other := createBoardAPI(t, env, "Roadmap"), createBoardAPI(t, env, "Other")

	rec, raw := env.callResp(t, domain.RoleEditor, "POST", "/api/v1/boards/"+b.ID.String()+"/cards", map[string]any{
		"column_id": b.Columns[0].ID, "kind": "request", "title": "Dark mode", "labels": []string{" ui ", "ui"}})
	mustStatus(t, rec.Code, http.StatusCreated, raw)
	want := []string{"archived_at", "board_id", "column_id", "created_at", "description", "id", "kind", "labels", "merged_into_id", "number", "owner_id", "position", "reactions",
		"release_note", "requester_count", "shipped_at", "title", "updated_at", "version"}
	if got := jsonKeys(t, raw); !slices.Equal(got, want) {
		t.Errorf("card keys = %v, want %v", got, want)
	}
	card := decode[cardJSONBody](t, raw)
	if rec.Header().Get("ETag") != `"1"` || !slices.Equal(card.Labels, []string{"ui"}) {
		t.Errorf("created card: ETag %q, %s", rec.Header().Get("ETag"), raw)
	}
	second := createCardAPI(t, env, b, 0, "Export")
	path := "/api/v1/cards/" + card.ID.String()

	rec, raw = env.callResp(t, domain.RoleViewer, "GET", path, nil)
	mustStatus(t, rec.Code, http.StatusOK, raw)
	if rec.Header().Get("ETag") != `"1"` {
		t.Errorf("GET ETag = %q", rec.Header().Get("ETag"))
	}

	// PATCH with If-Match: quoted and W/ forms work; a stale one is 412 and changes nothing.
	rec, raw = env.callResp(t, domain.RoleEditor, "PATCH", path, map[string]string{"title": "Dark theme"}, "If-Match", `"1"`)
	mustStatus(t, rec.Code, http.StatusOK, raw)
	if got := decode[cardJSONBody](t, raw); got.Version != 2 || got.Title != "Dark theme" || rec.Header().Get("ETag") != `"2"` {
		t.Errorf("patched: ETag %q, %s", rec.Header().Get("ETag"), raw)
	}
	rec, raw = env.callResp(t, domain.RoleEditor, "PATCH", path, map[string]string{"title": "Lost"}, "If-Match", `"1"`)
	mustStatus(t, rec.Code, http.StatusPreconditionFailed, raw)
	rec, raw = env.callResp(t, domain.RoleEditor, "PATCH", path, map[string]string{"description": "Easy on the eyes"}, "If-Match", `W/"2"`)
	mustStatus(t, rec.Code, http.StatusOK, raw)
	rec, raw = env.callResp(t, domain.RoleEditor, "PATCH", path, map[string]string{"title": "x"}, "If-Match", "soon")
	mustStatus(t, rec.Code, http.StatusBadRequest, raw)

	// Move before the other card, then into done with a release note: shipped once.
	rec, raw = env.callResp(t, domain.RoleEditor, "POST", "/api/v1/cards/"+second.ID.String()+"/move",
		map[string]any{"column_id": b.Columns[0].ID, "before_id": card.ID})
	mustStatus(t, rec.Code, http.StatusOK, raw)
	status, raw := env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+b.ID.String()+"/cards", nil)
	mustStatus(t, status, http.StatusOK, raw)
	list := decode[listResponse[cardJSONBody]](t, raw)
	if len(list.Items) != 2 || list.Items[0].ID != second.ID || list.Items[1].ID != card.ID {
		t.Errorf("order after move: %s", raw)
	}
	rec, raw = env.callResp(t, domain.RoleEditor, "POST", path+"/move", map[string]any{"column_id": b.Columns[3].ID}, "If-Match", "1")
	mustStatus(t, rec.Code, http.StatusPreconditionFailed, raw)
	rec, raw = env.callResp(t, domain.RoleEditor, "POST", path+"/move",
		map[string]any{"column_id": b.Columns[3].ID, "release_note": "Dark mode is here."}, "If-Match", "3")
	mustStatus(t, rec.Code, http.StatusOK, raw)
	shipped := decode[cardJSONBody](t, raw)
	if shipped.ShippedAt == nil || shipped.ReleaseNote != "Dark mode is here." || rec.Header().Get("ETag") != `"4"` {
		t.Errorf("shipped: ETag %q, %s", rec.Header().Get("ETag"), raw)
	}
	for _, col := range []uuid.UUID{b.Columns[2].ID, b.Columns[3].ID} {
		status, raw = env.call(t, domain.RoleEditor, "POST", path+"/move", map[string]any{"column_id": col})
		mustStatus(t, status, http.StatusOK, raw)
	}
	if !slices.Equal(ships.cards, []uuid.UUID{card.ID}) {
		t.Errorf("CardShipped calls = %v, want one for %s", ships.cards, card.ID)
	}

	// Across boards: the card now belongs to the other board.
	status, raw = env.call(t, domain.RoleEditor, "POST", path+"/move", map[string]any{"column_id": other.Columns[1].ID})
	mustStatus(t, status, http.StatusOK, raw)
	if moved := decode[cardJSONBody](t, raw); moved.BoardID != other.ID || moved.ColumnID != other.Columns[1].ID {
		t.Errorf("cross-board move: %s", raw)
	}

	status, raw = env.call(t, domain.RoleEditor, "DELETE", path, nil)
	mustStatus(t, status, http.StatusNoContent, raw)
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+other.ID.String()+"/cards", nil)
	mustStatus(t, status, http.StatusOK, raw)
	if list := decode[listResponse[cardJSONBody]](t, raw); len(list.Items) != 0 {
		t.Errorf("archived card still listed: %s", raw)
	}

	status, raw = env.call(t, domain.RoleViewer, "GET", path+"/activity?limit=3", nil)
	mustStatus(t, status, http.StatusOK, raw)
	acts := decode[listResponse[struct {
		Action string `json:"action"`
		Actor  string `json:"actor"`
	}]](t, raw)
	if len(acts.Items) != 3 || acts.Items[0].Action != "archived" || acts.Items[0].Actor != "token:test editor" || acts.NextCursor == nil {
		t.Errorf("activity: %s", raw)
	}
}

func TestCardsAPIRefusals(t *testing.T) {
	env := newTestAPI(t)
	b, other := createBoardAPI(t, env, "Roadmap"), createBoardAPI(t, env, "Other")
	card := createCardAPI(t, env, b, 0, "Dark mode")
	cards := "/api/v1/boards/" + b.ID.String() + "/cards"
	cardPath := "/api/v1/cards/" + card.ID.String()
	col := b.Columns[0].ID
	tests := []struct {
		name, method, path string
		role               domain.Role
		body               any
		status             int
		field              string
	}{
		{"viewer creates", "POST", cards, domain.RoleViewer, map[string]any{"column_id": col, "kind": "idea", "title": "x"}, http.StatusForbidden, ""},
		{"title with CRLF", "POST", cards, domain.RoleEditor, map[string]any{"column_id": col, "kind": "idea", "title": "a\r\nb"}, http.StatusUnprocessableEntity, "title"},
		{"201-character title", "POST", cards, domain.RoleEditor, map[string]any{"column_id": col, "kind": "idea", "title": strings.Repeat("t", 201)}, http.StatusUnprocessableEntity, "title"},
		{"bad kind", "POST", cards, domain.RoleEditor, map[string]any{"column_id": col, "kind": "bug", "title": "x"}, http.StatusUnprocessableEntity, "kind"},
		{"column id not a UUID", "POST", cards, domain.RoleEditor, map[string]any{"column_id": "first", "kind": "idea", "title": "x"}, http.StatusUnprocessableEntity, "column_id"},
		{"column of another board", "POST", cards, domain.RoleEditor, map[string]any{"column_id": other.Columns[0].ID, "kind": "idea", "title": "x"}, http.StatusUnprocessableEntity, "column_id"},
		{"labels not strings", "POST", cards, domain.RoleEditor, map[string]any{"column_id": col, "kind": "idea", "title": "x", "labels": []int{1}}, http.StatusBadRequest, "labels"},
		{"unknown board", "POST", "/api/v1/boards/" + uuid.NewString() + "/cards", domain.RoleEditor, map[string]any{"column_id": col, "kind": "idea", "title": "x"}, http.StatusNotFound, ""},
		{"unknown card", "GET", "/api/v1/cards/" + uuid.NewString(), domain.RoleViewer, nil, http.StatusNotFound, ""},
		{"patch unknown card", "PATCH", "/api/v1/cards/" + uuid.NewString(), domain.RoleEditor, map[string]string{"title": "x"}, http.StatusNotFound, ""},
		{"patch empty title", "PATCH", cardPath, domain.RoleEditor, map[string]string{"title": ""}, http.StatusUnprocessableEntity, "title"},
		{"move: before and after", "POST", cardPath + "/move", domain.RoleEditor, map[string]any{"column_id": col, "before_id": card.ID, "after_id": card.ID}, http.StatusUnprocessableEntity, "before_id"},
		{"move: neighbour elsewhere", "POST", cardPath + "/move", domain.RoleEditor, map[string]any{"column_id": b.Columns[1].ID, "after_id": card.ID}, http.StatusUnprocessableEntity, "after_id"},
		{"move: no column", "POST", cardPath + "/move", domain.RoleEditor, map[string]any{}, http.StatusUnprocessableEntity, "column_id"},
		{"move unknown card", "POST", "/api/v1/cards/" + uuid.NewString() + "/move", domain.RoleEditor, map[string]any{"column_id": col}, http.StatusNotFound, ""},
		{"list: bad limit", "GET", cards + "?limit=500", domain.RoleViewer, nil, http.StatusUnprocessableEntity, "limit"},
		{"list: bad cursor", "GET", cards + "?cursor=xyz", domain.RoleViewer, nil, http.StatusUnprocessableEntity, "cursor"},
		{"list: bad sort", "GET", cards + "?sort=votes", domain.RoleViewer, nil, http.StatusUnprocessableEntity, "sort"},
		{"list: bad column", "GET", cards + "?column_id=1", domain.RoleViewer, nil, http.StatusUnprocessableEntity, "column_id"},
		{"list: unknown board", "GET", "/api/v1/boards/" + uuid.NewString() + "/cards", domain.RoleViewer, nil, http.StatusNotFound, ""},
		{"activity: unknown card", "GET", "/api/v1/cards/" + uuid.NewString() + "/activity", domain.RoleViewer, nil, http.StatusNotFound, ""},
		{"archive unknown card", "DELETE", "/api/v1/cards/" + uuid.NewString(), domain.RoleEditor, nil, http.StatusNotFound, ""},
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
	status, raw := env.call(t, domain.RoleViewer, "GET", cardPath, nil)
	if mustStatus(t, status, http.StatusOK, raw); decode[cardJSONBody](t, raw).Version != 1 {
		t.Errorf("refused requests changed the card: %s", raw)
	}
}

func TestListCardsAPIPages(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Roadmap")
	var want []uuid.UUID
	for i, title := range []string{"Dark mode", "Export to CSV", "Dark icons", "SSO", "Darker charts"} {
		want = append(want, createCardAPI(t, env, b, i%2, title).ID)
	}
	// Position order: column 0's cards (0, 2, 4), then column 1's (1, 3).
	want = []uuid.UUID{want[0], want[2], want[4], want[1], want[3]}
	var got []uuid.UUID
	url := "/api/v1/boards/" + b.ID.String() + "/cards?sort=position&limit=2"
	for range 5 {
		status, raw := env.call(t, domain.RoleViewer, "GET", url, nil)
		mustStatus(t, status, http.StatusOK, raw)
		page := decode[listResponse[cardJSONBody]](t, raw)
		for _, c := range page.Items {
			got = append(got, c.ID)
		}
		if page.NextCursor == nil {
			break
		}
		url = "/api/v1/boards/" + b.ID.String() + "/cards?sort=position&limit=2&cursor=" + *page.NextCursor
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
	status, raw := env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+b.ID.String()+"/cards?q=dar&column_id="+b.Columns[0].ID.String(), nil)
	mustStatus(t, status, http.StatusOK, raw)
	if page := decode[listResponse[cardJSONBody]](t, raw); len(page.Items) != 3 {
		t.Errorf("q=dar in column 0: %s", raw)
	}
}

// GET /cards/by-number/{n} answers the card for 12 and closeloop-12 (any case); an
// unknown number is 404, anything else 400.
func TestCardByNumberAPI(t *testing.T) {
	env := newTestAPI(t, &shipCounter{})
	b := createBoardAPI(t, env, "Numbers")
	rec, raw := env.callResp(t, domain.RoleEditor, "POST", "/api/v1/boards/"+b.ID.String()+"/cards", map[string]any{
		"column_id": b.Columns[0].ID, "kind": "idea", "title": "Numbered"})
	mustStatus(t, rec.Code, http.StatusCreated, raw)
	created := decode[struct {
		ID     string `json:"id"`
		Number int64  `json:"number"`
	}](t, raw)
	if created.Number < 1 {
		t.Fatalf("created card has number %d: %s", created.Number, raw)
	}
	for _, ref := range []string{fmt.Sprint(created.Number), fmt.Sprintf("closeloop-%d", created.Number), fmt.Sprintf("CloseLoop-%d", created.Number)} {
		rec, raw := env.callResp(t, domain.RoleViewer, "GET", "/api/v1/cards/by-number/"+ref, nil)
		mustStatus(t, rec.Code, http.StatusOK, raw)
		if got := decode[struct{ ID string }](t, raw); got.ID != created.ID {
			t.Errorf("by-number/%s answers %s, want %s", ref, got.ID, created.ID)
		}
	}
	rec, raw = env.callResp(t, domain.RoleViewer, "GET", fmt.Sprintf("/api/v1/cards/by-number/%d", created.Number+1000), nil)
	mustStatus(t, rec.Code, http.StatusNotFound, raw)
	for _, bad := range []string{"0", "-3", "twelve", "closeloop-", "1e3"} {
		rec, raw = env.callResp(t, domain.RoleViewer, "GET", "/api/v1/cards/by-number/"+bad, nil)
		mustStatus(t, rec.Code, http.StatusBadRequest, raw)
	}
}
