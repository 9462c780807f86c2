package api

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// peopleCard inserts a board, a column of stage and a card with plain SQL (so these
// tests do not depend on the cards routes) and returns the card's id.
func peopleCard(t *testing.T, env *testAPI, stage string) uuid.UUID {
	t.Helper()
	board, column, card := uuid.New(), uuid.New(), uuid.New()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO boards (id, name) VALUES (?, 'Ideas')`, []any{board}},
		{`INSERT INTO columns (id, board_id, name, stage, position) VALUES (?, ?, ?, ?, 1)`, []any{column, board, stage, stage}},
		{`INSERT INTO cards (id, board_id, column_id, kind, title, position) VALUES (?, ?, ?, 'idea', 'Dark mode', 'a0')`, []any{card, board, column}},
	} {
		if err := env.db.Exec(q.sql, q.args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	return card
}

func peopleCount(t *testing.T, env *testAPI, query string, args ...any) int {
	t.Helper()
	var n int
	if err := env.db.Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// joinNotifier records RequesterJoinedShippedCard calls.
type joinNotifier struct {
	mu    sync.Mutex
	calls []string
}

func (n *joinNotifier) CardShipped(context.Context, *sql.Tx, uuid.UUID) error { return nil }
func (n *joinNotifier) RequesterJoinedShippedCard(_ context.Context, tx *sql.Tx, cardID, requesterID uuid.UUID) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.calls = append(n.calls, fmt.Sprintf("%s/%s tx=%v", cardID, requesterID, tx != nil))
	return nil
}

type linkBody struct {
	Requester struct {
		ID    uuid.UUID `json:"id"`
		Email string    `json:"email"`
		Name  string    `json:"name"`
	} `json:"requester"`
	Quote        string `json:"quote"`
	Source       string `json:"source"`
	Quotes       []struct{ Text, Source string }
	LinkedBy     string `json:"linked_by"`
	CreatedAt    string `json:"created_at"`
	CardShipped  bool   `json:"card_shipped"`
	Conversation *struct {
		Tool       string `json:"tool"`
		ExternalID string `json:"external_id"`
	} `json:"conversation"`
}

func TestCreateRequestAPI(t *testing.T) {
	rec := &joinNotifier{}
	env := newTestAPI(t, rec)
	card, shipped := peopleCard(t, env, "open"), peopleCard(t, env, "done")
	if err := env.db.Exec(`UPDATE cards SET shipped_at = now() WHERE id = ?`, shipped).Error; err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/cards/" + card.String() + "/requests"

	status, raw := env.call(t, domain.RoleSupport, "POST", path, map[string]string{
		"email": " Ann@Example.com ", "name": "Ann", "quote": "I need it", "source": "intercom",
		"conversation_url": "https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215470089327431",
	})
	mustStatus(t, status, http.StatusCreated, raw)
	first := decode[linkBody](t, raw)
	if first.Requester.Email != "Ann@Example.com" || first.Quote != "I need it" || first.Source != "intercom" ||
		first.CardShipped || first.LinkedBy != "token:test support" || first.Conversation == nil ||
		first.Conversation.Tool != "intercom" || first.Conversation.ExternalID != "215470089327431" {
		t.Errorf("first link: %s", raw)
	}
	status, raw = env.call(t, domain.RoleSupport, "POST", path, map[string]string{"email": "ann@example.com", "quote": "again", "source": "phone"})
	mustStatus(t, status, http.StatusOK, raw)
	again := decode[linkBody](t, raw)
	if again.Requester.ID != first.Requester.ID || len(again.Quotes) != 2 || again.Quote != "again" || again.CreatedAt != first.CreatedAt {
		t.Errorf("second link: %s", raw)
	}

	status, raw = env.call(t, domain.RoleSupport, "POST", "/api/v1/cards/"+shipped.String()+"/requests", map[string]string{"email": "ann@example.com"})
	mustStatus(t, status, http.StatusCreated, raw)
	if !decode[linkBody](t, raw).CardShipped {
		t.Errorf("link to a shipped card: card_shipped false: %s", raw)
	}
	if want := []string{fmt.Sprintf("%s/%s tx=true", shipped, first.Requester.ID)}; fmt.Sprint(rec.calls) != fmt.Sprint(want) {
		t.Errorf("notifier calls = %v, want %v", rec.calls, want)
	}
	if got := peopleCount(t, env, `SELECT requester_count FROM cards WHERE id = ?`, card); got != 1 {
		t.Errorf("requester_count = %d, want 1", got)
	}
}

func TestCreateRequestAPIRefusals(t *testing.T) {
	env := newTestAPI(t)
	card, archived := peopleCard(t, env, "open"), peopleCard(t, env, "open")
	if err := env.db.Exec(`UPDATE cards SET archived_at = now() WHERE id = ?`, archived).Error; err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/cards/" + card.String() + "/requests"
	ok := map[string]string{"email": "a@example.com"}
	tests := []struct {
		name   string
		role   domain.Role
		path   string
		body   any
		status int
		field  string
	}{
		{"anonymous", "", path, ok, http.StatusUnauthorized, ""},
		{"viewer", domain.RoleViewer, path, ok, http.StatusForbidden, ""},
		{"display name", domain.RoleSupport, path, map[string]string{"email": "Ann <a@example.com>"}, http.StatusUnprocessableEntity, "email"},
		{"header injection", domain.RoleSupport, path, map[string]string{"email": "a@example.com\r\nBcc: b@example.com"}, http.StatusUnprocessableEntity, "email"},
		{"missing email", domain.RoleSupport, path, map[string]string{"quote": "x"}, http.StatusUnprocessableEntity, "email"},
		{"bad conversation url", domain.RoleSupport, path, map[string]string{"email": "a@example.com", "conversation_url": "javascript:alert(1)"}, http.StatusUnprocessableEntity, "conversation_url"},
		{"unknown field", domain.RoleSupport, path, map[string]string{"email": "a@example.com", "role": "admin"}, http.StatusBadRequest, "role"},
		{"bad card id", domain.RoleSupport, "/api/v1/cards/nope/requests", ok, http.StatusBadRequest, "id"},
		{"unknown card", domain.RoleSupport, "/api/v1/cards/" + uuid.NewString() + "/requests", ok, http.StatusNotFound, ""},
		{"archived card", domain.RoleSupport, "/api/v1/cards/" + archived.String() + "/requests", ok, http.StatusConflict, ""},
	}
	for _, tt := range tests {
		status, raw := env.call(t, tt.role, "POST", tt.path, tt.body)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.name, status, tt.status, raw)
			continue
		}
		if tt.field != "" {
			if body := decode[ErrorBody](t, raw); body.Error.Fields[tt.field] == "" {
				t.Errorf("%s: no message for field %s: %s", tt.name, tt.field, raw)
			}
		}
	}
	status, raw := env.call(t, domain.RoleSupport, "POST", path, map[string]string{"email": "x@y@z"})
	if got := decode[ErrorBody](t, raw).Error.Fields["email"]; status != http.StatusUnprocessableEntity || got != "is not a valid address" {
		t.Errorf("invalid email: %d %s", status, raw)
	}
	if n := peopleCount(t, env, `SELECT count(*) FROM requests`); n != 0 {
		t.Errorf("requests after refusals = %d", n)
	}
}

func TestListAndDeleteRequestsAPI(t *testing.T) {
	env := newTestAPI(t)
	card := peopleCard(t, env, "open")
	path := "/api/v1/cards/" + card.String() + "/requests"
	for i := range 3 {
		body := map[string]string{"email": fmt.Sprintf("p%d@example.com", i), "quote": fmt.Sprintf("q%d", i)}
		if i == 0 {
			body["conversation_url"] = "https://acme.zendesk.com/agent/tickets/7"
		}
		status, raw := env.call(t, domain.RoleSupport, "POST", path, body)
		mustStatus(t, status, http.StatusCreated, raw)
	}
	type page struct {
		Items []struct {
			Requester struct {
				ID    uuid.UUID `json:"id"`
				Email string    `json:"email"`
			} `json:"requester"`
			Conversations []struct {
				ExternalID string `json:"external_id"`
			} `json:"conversations"`
		} `json:"items"`
		NextCursor *string `json:"next_cursor"`
	}
	var emails []string
	var p0 uuid.UUID
	convs := 0
	url := path + "?limit=2"
	for range 3 {
		status, raw := env.call(t, domain.RoleViewer, "GET", url, nil)
		mustStatus(t, status, http.StatusOK, raw)
		pg := decode[page](t, raw)
		for _, it := range pg.Items {
			emails = append(emails, it.Requester.Email)
			convs += len(it.Conversations)
			if it.Requester.Email == "p0@example.com" {
				p0 = it.Requester.ID
			}
		}
		if pg.NextCursor == nil {
			break
		}
		url = path + "?limit=2&cursor=" + *pg.NextCursor
	}
	if got := fmt.Sprint(emails); got != "[p2@example.com p1@example.com p0@example.com]" || convs != 1 {
		t.Errorf("listed %s with %d conversations", got, convs)
	}
	status, raw := env.call(t, domain.RoleViewer, "GET", path+"?limit=500", nil)
	mustStatus(t, status, http.StatusUnprocessableEntity, raw)

	del := path + "/" + p0.String()
	status, raw = env.call(t, domain.RoleViewer, "DELETE", del, nil)
	mustStatus(t, status, http.StatusForbidden, raw)
	status, raw = env.call(t, domain.RoleSupport, "DELETE", del, nil)
	mustStatus(t, status, http.StatusNoContent, raw)
	status, raw = env.call(t, domain.RoleSupport, "DELETE", del, nil)
	mustStatus(t, status, http.StatusNotFound, raw)
	if got := peopleCount(t, env, `SELECT requester_count FROM cards WHERE id = ?`, card); got != 2 {
		t.Errorf("requester_count = %d, want 2", got)
	}
}

// TestLateRequesterEmailLimitAnswers429: past its hourly limit of links to shipped
// cards (each emails the person at once), an actor gets 429 with what to do, and the
// link is not made.
func TestLateRequesterEmailLimitAnswers429(t *testing.T) {
	env := newTestAPI(t)
	env.svc.WithLimits(domain.Limits{LateEmailsPerHour: 1})
	f := newFixtures(t, env)
	if err := env.db.Exec(`UPDATE cards SET shipped_at = now() WHERE id = ?`, f.card.ID).Error; err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/cards/" + f.card.ID.String() + "/requests"
	status, body := env.call(t, domain.RoleSupport, "POST", path, map[string]string{"email": "first-late@example.com"})
	mustStatus(t, status, http.StatusCreated, body)
	before := dbState(t, env)
	status, body = env.call(t, domain.RoleSupport, "POST", path, map[string]string{"email": "second-late@example.com", "name": "Visit evil.example"})
	mustStatus(t, status, http.StatusTooManyRequests, body)
	if e := decode[ErrorBody](t, body).Error; e.Code != "rate_limited" || !strings.Contains(e.Message, "1 an hour per member or API token") {
		t.Errorf("error %+v, want rate_limited saying the limit", e)
	}
	if diff := stateDiff(before, dbState(t, env)); diff != "" {
		t.Errorf("refused, but changed %s", diff)
	}
	// Another token has its own count.
	status, body = env.call(t, domain.RoleEditor, "POST", path, map[string]string{"email": "second-late@example.com"})
	mustStatus(t, status, http.StatusCreated, body)
}
