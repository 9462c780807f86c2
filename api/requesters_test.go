package api

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

type requesterBody struct {
	ID             uuid.UUID         `json:"id"`
	Email          string            `json:"email"`
	Name           string            `json:"name"`
	Company        string            `json:"company"`
	ExternalIDs    map[string]string `json:"external_ids"`
	UnsubscribedAt *string           `json:"unsubscribed_at"`
	CreatedAt      string            `json:"created_at"`
	UpdatedAt      string            `json:"updated_at"`
	RequestCount   int               `json:"request_count"`
}

func TestRequestersAPI(t *testing.T) {
	env := newTestAPI(t)
	c1, c2 := peopleCard(t, env, "open"), peopleCard(t, env, "open")
	link := func(card uuid.UUID, email, name, company string) uuid.UUID {
		status, raw := env.call(t, domain.RoleSupport, "POST", "/api/v1/cards/"+card.String()+"/requests",
			map[string]string{"email": email, "name": name, "company": company})
		if status != http.StatusCreated && status != http.StatusOK {
			t.Fatalf("link: %d %s", status, raw)
		}
		return decode[linkBody](t, raw).Requester.ID
	}
	ann := link(c1, "ann@example.com", "Ann Lee", "Acme")
	link(c2, "ann@example.com", "", "")
	bob := link(c1, "bob@globex.com", "Bob", "Globex")

	status, raw := env.call(t, domain.RoleViewer, "GET", "/api/v1/requesters?q=acme", nil)
	mustStatus(t, status, http.StatusOK, raw)
	list := decode[listResponse[requesterBody]](t, raw)
	if len(list.Items) != 1 || list.Items[0].ID != ann || list.Items[0].RequestCount != 2 || list.NextCursor != nil {
		t.Errorf("search acme: %s", raw)
	}

	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/requesters/"+ann.String(), nil)
	mustStatus(t, status, http.StatusOK, raw)
	got := decode[requesterBody](t, raw)
	if got.Email != "ann@example.com" || got.Name != "Ann Lee" || got.Company != "Acme" || got.RequestCount != 2 ||
		got.ExternalIDs == nil || got.UnsubscribedAt != nil || got.CreatedAt == "" {
		t.Errorf("get: %s", raw)
	}

	patch := "/api/v1/requesters/" + ann.String()
	status, raw = env.call(t, domain.RoleViewer, "PATCH", patch, map[string]any{"name": "x"})
	mustStatus(t, status, http.StatusForbidden, raw)
	status, raw = env.call(t, domain.RoleSupport, "PATCH", patch, map[string]any{"name": "Ann L.", "external_ids": map[string]any{"intercom": "5f1c", "zendesk": "9"}})
	mustStatus(t, status, http.StatusOK, raw)
	status, raw = env.call(t, domain.RoleSupport, "PATCH", patch, map[string]any{"external_ids": map[string]any{"zendesk": nil}})
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[requesterBody](t, raw); got.Name != "Ann L." || fmt.Sprint(got.ExternalIDs) != "map[intercom:5f1c]" {
		t.Errorf("patched: %s", raw)
	}
	status, raw = env.call(t, domain.RoleSupport, "PATCH", patch, map[string]any{"email": "BOB@globex.com"})
	mustStatus(t, status, http.StatusConflict, raw)
	status, raw = env.call(t, domain.RoleSupport, "PATCH", patch, map[string]any{"email": "Ann <ann@example.com>"})
	mustStatus(t, status, http.StatusUnprocessableEntity, raw)
	status, raw = env.call(t, domain.RoleSupport, "PATCH", patch, map[string]any{"external_ids": map[string]any{"x": 1}})
	mustStatus(t, status, http.StatusBadRequest, raw)

	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/requesters/"+ann.String()+"/requests?limit=1", nil)
	mustStatus(t, status, http.StatusOK, raw)
	type historyItem struct {
		CardID uuid.UUID `json:"card_id"`
		Title  string    `json:"title"`
		Stage  string    `json:"stage"`
	}
	page := decode[listResponse[historyItem]](t, raw)
	if len(page.Items) != 1 || page.Items[0].CardID != c2 || page.Items[0].Title != "Dark mode" || page.Items[0].Stage != "open" || page.NextCursor == nil {
		t.Errorf("history page: %s", raw)
	}

	// Erasure needs an editor; it forgets the person and fixes every card's count.
	erase := "/api/v1/requesters/" + ann.String()
	status, raw = env.call(t, domain.RoleSupport, "DELETE", erase, nil)
	mustStatus(t, status, http.StatusForbidden, raw)
	status, raw = env.call(t, domain.RoleEditor, "DELETE", erase, nil)
	mustStatus(t, status, http.StatusNoContent, raw)
	status, raw = env.call(t, domain.RoleViewer, "GET", erase, nil)
	mustStatus(t, status, http.StatusNotFound, raw)
	status, raw = env.call(t, domain.RoleEditor, "DELETE", erase, nil)
	mustStatus(t, status, http.StatusNotFound, raw)
	counts := []int{
		peopleCount(t, env, `SELECT requester_count FROM cards WHERE id = ?`, c1),
		peopleCount(t, env, `SELECT requester_count FROM cards WHERE id = ?`, c2),
		peopleCount(t, env, `SELECT count(*) FROM requests WHERE requester_id = ?`, bob),
	}
	if fmt.Sprint(counts) != "[1 0 1]" {
		t.Errorf("counts c1, c2, bob's requests = %v; want [1 0 1]", counts)
	}
}

func TestConversationsAPI(t *testing.T) {
	env := newTestAPI(t)
	card := peopleCard(t, env, "open")
	path := "/api/v1/cards/" + card.String() + "/conversations"
	body := map[string]string{"url": "https://secure.helpscout.net/conversation/1234567890/4321/", "requester_email": "New@Example.com", "excerpt": "hi"}

	status, raw := env.call(t, domain.RoleSupport, "POST", path, body)
	mustStatus(t, status, http.StatusCreated, raw)
	first := decode[conversationResponse](t, raw)
	if first.Tool != "helpscout" || first.ExternalID != "1234567890" || first.RequesterID == nil || first.Excerpt != "hi" {
		t.Errorf("created: %s", raw)
	}
	status, raw = env.call(t, domain.RoleSupport, "POST", path, body)
	mustStatus(t, status, http.StatusOK, raw)
	if decode[conversationResponse](t, raw).ID != first.ID {
		t.Errorf("same url gave another conversation: %s", raw)
	}
	if n := peopleCount(t, env, `SELECT count(*) FROM requests`); n != 0 {
		t.Errorf("a conversation created %d requests", n)
	}

	status, raw = env.call(t, domain.RoleSupport, "POST", path, map[string]string{"url": "javascript:alert(1)"})
	mustStatus(t, status, http.StatusUnprocessableEntity, raw)
	if decode[ErrorBody](t, raw).Error.Fields["url"] == "" {
		t.Errorf("no url field message: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "POST", path, map[string]string{"url": "https://example.com"})
	mustStatus(t, status, http.StatusForbidden, raw)

	status, raw = env.call(t, domain.RoleViewer, "GET", path, nil)
	mustStatus(t, status, http.StatusOK, raw)
	list := decode[listResponse[conversationResponse]](t, raw)
	if len(list.Items) != 1 || list.Items[0].RequesterEmail != "New@Example.com" || list.NextCursor != nil {
		t.Errorf("list: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/cards/"+uuid.NewString()+"/conversations", nil)
	mustStatus(t, status, http.StatusNotFound, raw)
}
