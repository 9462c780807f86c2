package api

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// walker runs one scenario step after another; every answer goes through the contract
// hook (testAPI.serve), so each is validated against api/openapi.json.
type walker struct {
	t   *testing.T
	env *testAPI
}

// do sends a request as role and requires the status; it returns the raw body.
func (w walker) do(role domain.Role, want int, method, path string, body any, headers ...string) []byte {
	w.t.Helper()
	status, raw := w.env.call(w.t, role, method, path, body, headers...)
	if status != want {
		w.t.Fatalf("%s %s as %q: status %d, want %d: %s", method, path, role, status, want, raw)
	}
	return raw
}

// cookie sends a request with a session cookie (and csrf, when not empty).
func (w walker) cookie(want int, method, path, body string, cookie *http.Cookie, csrf string) []byte {
	w.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.AddCookie(cookie)
	if csrf != "" {
		req.Header.Set(csrfHeader, csrf)
	}
	rec := w.env.serve(w.t, req)
	if rec.Code != want {
		w.t.Fatalf("%s %s with a cookie: status %d, want %d: %s", method, path, rec.Code, want, rec.Body.Bytes())
	}
	return rec.Body.Bytes()
}

type idJSON struct {
	ID         uuid.UUID `json:"id"`
	Version    int       `json:"version"`
	NextCursor *string   `json:"next_cursor"`
}

// TestContractWalk walks a realistic day through the API, the way the README's curl
// walk-through and the web UI do, and then requires that every documented success
// answer of every operation was seen and matched the document.
func TestContractWalk(t *testing.T) {
	env := newTestAPI(t, &shipCounter{})
	env.seen = map[string]bool{}
	w := walker{t, env}
	const admin, editor, support, viewer = domain.RoleAdmin, domain.RoleEditor, domain.RoleSupport, domain.RoleViewer

	// Outside the API.
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/api/openapi.json", "/robots.txt"} {
		w.do("", 200, "GET", p, nil)
	}

	// Team: a member signs in with a cookie; an admin manages members and tokens.
	member := decode[idJSON](t, w.do(admin, 201, "POST", "/api/v1/members",
		map[string]string{"email": "Grace@Example.com", "name": "Grace", "role": "editor", "password": "a long passphrase"}))
	helper := decode[idJSON](t, w.do(admin, 201, "POST", "/api/v1/members",
		map[string]string{"email": "temp@example.com", "name": "Temp", "role": "viewer", "password": "another long one"}))
	w.do(admin, 200, "GET", "/api/v1/members", nil)
	w.do(admin, 200, "PATCH", "/api/v1/members/"+member.ID.String(), map[string]any{"name": "Grace H.", "role": "admin"})
	w.do(admin, 200, "PATCH", "/api/v1/members/"+helper.ID.String(), map[string]any{"role": "support", "disabled": true})
	cookie, csrf := signIn(t, env, "grace@example.com", "a long passphrase")
	w.cookie(200, "GET", "/api/v1/session", "", cookie, "")
	w.do(viewer, 200, "GET", "/api/v1/session", nil)
	tok := decode[idJSON](t, w.cookie(201, "POST", "/api/v1/tokens", `{"name":"zendesk","role":"support"}`, cookie, csrf))
	w.do(admin, 200, "GET", "/api/v1/tokens", nil)
	w.do(admin, 204, "DELETE", "/api/v1/tokens/"+tok.ID.String(), nil)

	// Boards and columns.
	board := decode[boardJSON](t, w.do(editor, 201, "POST", "/api/v1/boards", map[string]any{"name": "Roadmap", "description": "What we build next"}))
	other := decode[boardJSON](t, w.do(editor, 201, "POST", "/api/v1/boards", map[string]any{"name": "Bugs",
		"columns": []map[string]string{{"name": "Reported", "stage": "open"}, {"name": "Fixed", "stage": "done"}}}))
	page := decode[idJSON](t, w.do(viewer, 200, "GET", "/api/v1/boards?limit=1", nil))
	if page.NextCursor == nil {
		t.Fatal("two boards, limit 1: want a next_cursor")
	}
	w.do(viewer, 200, "GET", "/api/v1/boards?limit=1&cursor="+*page.NextCursor, nil)
	w.do(viewer, 200, "GET", "/api/v1/boards/"+board.ID.String(), nil)
	w.do(editor, 200, "PATCH", "/api/v1/boards/"+board.ID.String(), map[string]string{"email_subject": "Shipped: what you asked for", "email_intro": "Good news."})
	col := decode[idJSON](t, w.do(editor, 201, "POST", "/api/v1/boards/"+board.ID.String()+"/columns", map[string]any{"name": "Triage", "stage": "open", "position": 0}))
	w.do(editor, 200, "PATCH", "/api/v1/columns/"+col.ID.String(), map[string]any{"name": "Inbox", "position": 4})
	w.do(editor, 204, "DELETE", "/api/v1/columns/"+col.ID.String(), nil)

	// Cards.
	cardsPath := "/api/v1/boards/" + board.ID.String() + "/cards"
	var cards []idJSON
	for i, title := range []string{"Dark mode", "CSV export", "SSO", "Slack alerts"} {
		cards = append(cards, decode[idJSON](t, w.do(editor, 201, "POST", cardsPath, map[string]any{
			"column_id": board.Columns[i%2].ID, "kind": []string{"idea", "issue", "request"}[i%3], "title": title,
			"description": "Asked for by " + title + " fans", "labels": []string{"q3", "ui"}})))
	}
	card := "/api/v1/cards/" + cards[0].ID.String()
	numbered := decode[struct{ Number int64 }](t, w.do(viewer, 200, "GET", card, nil))
	w.do(viewer, 200, "GET", fmt.Sprintf("/api/v1/cards/by-number/closeloop-%d", numbered.Number), nil)
	patched := decode[idJSON](t, w.do(editor, 200, "PATCH", card, map[string]any{"description": "Easy on the eyes", "labels": []string{"ui"}}, "If-Match", `"1"`))
	w.do(editor, 412, "PATCH", card, map[string]string{"title": "Lost update"}, "If-Match", `"1"`)
	w.do(editor, 200, "POST", card+"/move", map[string]any{"column_id": board.Columns[1].ID, "before_id": cards[1].ID},
		"If-Match", fmt.Sprintf(`"%d"`, patched.Version))
	w.do(editor, 200, "POST", "/api/v1/cards/"+cards[3].ID.String()+"/move", map[string]any{"column_id": other.Columns[0].ID})

	// Requests, conversations and requesters.
	people := []string{"ada@example.com", "Linus@Example.com", "grace@example.org"}
	tools := []string{"https://app.intercom.com/a/inbox/abc/inbox/conversation/123", "https://acme.zendesk.com/agent/tickets/42", "mailto:linus@example.com"}
	var requesters []uuid.UUID
	for i, email := range people {
		link := decode[linkBody](t, w.do(support, 201, "POST", card+"/requests", map[string]string{"email": email, "name": "Person " + email[:3],
			"company": "Acme", "quote": "We need this", "source": "intercom", "conversation_url": tools[i]}))
		requesters = append(requesters, link.Requester.ID)
		w.do(support, 201, "POST", "/api/v1/cards/"+cards[1].ID.String()+"/requests", map[string]string{"email": email})
	}
	w.do(support, 200, "POST", card+"/requests", map[string]string{"email": "ADA@example.com", "quote": "Still need it"})
	w.do(support, 201, "POST", card+"/conversations", map[string]string{"url": "https://secure.helpscout.net/conversation/777/1", "requester_email": "ada@example.com", "excerpt": "Any news?"})
	w.do(support, 200, "POST", card+"/conversations", map[string]string{"url": "https://secure.helpscout.net/conversation/777/1"})
	w.do(support, 201, "POST", card+"/conversations", map[string]string{"url": "https://example.com/forum/t/9"})
	w.do(viewer, 200, "GET", card+"/conversations?limit=2", nil)
	w.do(viewer, 200, "GET", card+"/requests?limit=2", nil)
	w.do(viewer, 200, "GET", cardsPath+"?sort=demand&limit=2", nil)
	w.do(viewer, 200, "GET", cardsPath+"?sort=recent&kind=idea&label=ui&q=dark", nil)
	next := decode[idJSON](t, w.do(viewer, 200, "GET", cardsPath+"?limit=1&column_id="+board.Columns[1].ID.String(), nil))
	if next.NextCursor == nil {
		t.Fatal("two cards in the column, limit 1: want a next_cursor")
	}
	w.do(viewer, 200, "GET", cardsPath+"?limit=1&column_id="+board.Columns[1].ID.String()+"&cursor="+*next.NextCursor, nil)
	rpage := decode[idJSON](t, w.do(viewer, 200, "GET", "/api/v1/requesters?limit=2", nil))
	w.do(viewer, 200, "GET", "/api/v1/requesters?limit=2&cursor="+*rpage.NextCursor, nil)
	w.do(viewer, 200, "GET", "/api/v1/requesters?q=linus", nil)
	// Across boards: a typo of a word of a quote, and the start of an address.
	found := decode[struct {
		Items []struct{ Type string } `json:"items"`
	}](t, w.do(viewer, 200, "GET", "/api/v1/search?q=stil+neeed&limit=5", nil))
	if len(found.Items) == 0 || found.Items[0].Type != "card" {
		t.Errorf("search for a typo of a quote found %+v", found.Items)
	}
	w.do(viewer, 200, "GET", "/api/v1/search?q=ada@ex", nil)
	w.do(viewer, 200, "GET", "/api/v1/events", nil) // ends after the test harness's short stream life
	ada := "/api/v1/requesters/" + requesters[0].String()
	w.do(viewer, 200, "GET", ada, nil)
	w.do(support, 200, "PATCH", ada, map[string]any{"name": "Ada L.", "external_ids": map[string]any{"intercom": "5f1c", "zendesk": nil}})
	w.do(viewer, 200, "GET", ada+"/requests", nil)

	// Ship: into Done; a requester who joins later hears at once (card_shipped).
	done := board.Columns[3].ID
	w.do(editor, 200, "POST", card+"/move", map[string]any{"column_id": done, "release_note": "Dark mode is here."})
	late := decode[linkBody](t, w.do(support, 201, "POST", card+"/requests", map[string]string{"email": "late@example.com"}))
	if !late.CardShipped {
		t.Error("joining a shipped card: card_shipped = false")
	}
	w.do(viewer, 200, "GET", card+"/activity?limit=3", nil)
	w.do(viewer, 200, "GET", card+"/activity", nil)

	// What the notifier shows: deliveries, the rendered email (an editor's), the public
	// card page and the requester's unsubscribe link, page and one-click POST.
	// The notifier's workers do not run here: one delivery is recorded as they would, so the
	// lists' items are checked against the document too.
	if err := env.db.Exec(`INSERT INTO deliveries (card_id, requester_id, kind, email, status, attempts, sent_at)
		VALUES (?, ?, 'shipped', 'late@example.com', 'sent', 1, now())`, strings.TrimPrefix(card, "/api/v1/cards/"), late.Requester.ID).Error; err != nil {
		t.Fatal(err)
	}
	w.do(viewer, 200, "GET", card+"/deliveries", nil)
	w.do(viewer, 200, "GET", "/api/v1/requesters/"+late.Requester.ID.String()+"/deliveries", nil)
	preview := decode[domain.EmailPreview](t, w.do(editor, 200, "GET", card+"/email-preview?requester_id="+late.Requester.ID.String(), nil))
	if !strings.Contains(preview.Text, "http://closeloop.test/u/preview") {
		t.Fatalf("the preview has no (preview) unsubscribe link: %s", preview.Text)
	}
	unsubscribe := realUnsubscribeLink(t, env, late.Requester.ID)
	w.do("", 200, "GET", "/c/"+strings.TrimPrefix(card, "/api/v1/cards/"), nil)
	w.do("", 200, "GET", unsubscribe, nil)
	w.do("", 200, "POST", unsubscribe, "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded")

	walkCustomerPublic(w, board, cards[0].ID, late.Requester.ID)
	walkWorkspace(w, board.ID.String(), cards[0].ID.String()) // issue 12: settings

	// Error answers share one shape; these are validated against the document too.
	w.do(viewer, 404, "GET", "/api/v1/cards/"+uuid.NewString(), nil)
	w.do(viewer, 400, "GET", "/api/v1/cards/not-a-uuid", nil)
	w.do(editor, 422, "POST", cardsPath, map[string]any{"column_id": done, "kind": "idea", "title": ""})
	w.do(editor, 409, "DELETE", "/api/v1/columns/"+done.String(), nil)
	w.do("", 401, "GET", "/api/v1/boards", nil)
	w.do(viewer, 403, "POST", "/api/v1/boards", map[string]string{"name": "x"})

	walkImportExportMerge(w) // issue 14
	walkTeamWork(w)          // issue 13
	walkMembers(w)           // issue 13
	walkArchive(w)
	walkLabels(w)
	walkInbound(w, numbered.Number) // issue 11, inbound
	walkWebhooks(w)                 // issue 11, outbound

	// Clean up, the destructive way.
	w.do(support, 204, "DELETE", card+"/requests/"+requesters[2].String(), nil)
	w.do(editor, 204, "DELETE", ada, nil)
	w.do(editor, 204, "DELETE", "/api/v1/cards/"+cards[2].ID.String(), nil)
	w.do(editor, 204, "DELETE", "/api/v1/boards/"+other.ID.String(), nil)
	w.cookie(204, "DELETE", "/api/v1/session", "", cookie, csrf)
	w.do(admin, 409, "DELETE", "/api/v1/members/"+member.ID.String(), nil) // the last admin stays
	w.do(admin, 204, "DELETE", "/api/v1/members/"+helper.ID.String(), nil)
	w.do(viewer, 204, "DELETE", "/api/v1/session", nil)

	// Every success answer the document promises was given and matched it.
	doc, _, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for code := range op.Responses.Map() {
				if strings.HasPrefix(code, "2") && !env.seen[method+" "+path+" "+code] {
					missing = append(missing, method+" "+path+" "+code)
				}
			}
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("the walk never got these documented answers (add a step): %v", missing)
	}
}
