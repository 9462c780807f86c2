package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// apiReq is one request to send: body is a JSON value, or a string sent as is.
type apiReq struct {
	method, path string
	body         any
	headers      []string // name, value, …
}

func (r apiReq) build(t testing.TB) *http.Request {
	t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(r.method, r.path, body)
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(r.headers); i += 2 {
		req.Header.Set(r.headers[i], r.headers[i+1])
	}
	return req
}

// authzRow is what one route needs and answers.
type authzRow struct {
	least   domain.Role // "" for public routes
	success int         // what an allowed caller gets
	// prepare returns a fresh, valid request: destructive calls get objects of their own.
	prepare func(f *fixtures) apiReq
}

const signInPassword = "the fixture password"

// sessionAnswers are what a member's session gets where it differs from what a token
// gets: a token has no password or profile of its own, a member does.
var sessionAnswers = map[string]int{"PATCH /api/v1/session": 200}

// ownerRole is the role whose token writes the comment a caller edits: the caller's
// own, except anonymous and viewer callers (refused before the comment is read).
func ownerRole(caller domain.Role) domain.Role {
	if caller == "" || caller == domain.RoleViewer {
		return ""
	}
	return caller
}

// authzTable has one row per registered route ("METHOD /echo/path").
func authzTable() map[string]authzRow {
	const viewer, support, editor, admin = domain.RoleViewer, domain.RoleSupport, domain.RoleEditor, domain.RoleAdmin
	get := func(path func(f *fixtures) string) func(f *fixtures) apiReq {
		return func(f *fixtures) apiReq { return apiReq{method: "GET", path: path(f)} }
	}
	fixed := func(p string) func(*fixtures) string { return func(*fixtures) string { return p } }
	boardPath := func(f *fixtures) string { return "/api/v1/boards/" + f.board.ID.String() }
	cardPath := func(f *fixtures) string { return "/api/v1/cards/" + f.card.ID.String() }
	requesterPath := func(f *fixtures) string { return "/api/v1/requesters/" + f.requester.String() }
	cardPublicPath := func(f *fixtures) string { return "/c/" + f.card.ID.String() }
	return map[string]authzRow{
		"GET /healthz":          {"", 200, get(fixed("/healthz"))},
		"GET /readyz":           {"", 200, get(fixed("/readyz"))},
		"GET /metrics":          {"", 200, get(fixed("/metrics"))},
		"GET /api/openapi.json": {"", 200, get(fixed("/api/openapi.json"))},
		"GET /robots.txt":       {"", 200, get(fixed("/robots.txt"))},
		"GET /*":                {"", 200, get(fixed("/boards/roadmap"))},
		// A forged token changes nothing and answers 4xx (404 from the notifier's handler).
		"GET /u/:token": {"", 404, get(fixed("/u/forged-token"))},
		// The public page of a shipped card; the fixture card has not shipped.
		"GET /c/:id": {"", 404, get(cardPublicPath)},
		"POST /u/:token": {"", 404, func(*fixtures) apiReq {
			return apiReq{method: "POST", path: "/u/forged-token", body: "List-Unsubscribe=One-Click",
				headers: []string{"Content-Type", "application/x-www-form-urlencoded"}}
		}},

		// "Did this solve it?": a forged token changes nothing and answers 404.
		"GET /r/:token": {"", 404, get(fixed("/r/forged-token?answer=yes"))},
		"POST /r/:token": {"", 404, func(*fixtures) apiReq {
			return apiReq{method: "POST", path: "/r/forged-token", body: "answer=no",
				headers: []string{"Content-Type", "application/x-www-form-urlencoded"}}
		}},
		// The public roadmap: the fixture board is not public, so everything is 404; a
		// forged confirmation token changes nothing.
		"GET /roadmap/:slug":           {"", 404, get(fixed("/roadmap/not-public"))},
		"GET /roadmap/:slug/changelog": {"", 404, get(fixed("/roadmap/not-public/changelog"))},
		"GET /roadmap/:slug/feed.atom": {"", 404, get(fixed("/roadmap/not-public/feed.atom"))},
		"POST /roadmap/:slug/cards/:number/want": {"", 404, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/roadmap/not-public/cards/" + f.card.ID.String() + "/want", body: "email=a%40example.com",
				headers: []string{"Content-Type", "application/x-www-form-urlencoded"}}
		}},
		"GET /v/:token": {"", 404, get(fixed("/v/forged-token"))},
		"POST /v/:token": {"", 404, func(*fixtures) apiReq {
			return apiReq{method: "POST", path: "/v/forged-token", body: "",
				headers: []string{"Content-Type", "application/x-www-form-urlencoded"}}
		}},
		"POST /api/v1/integrations": {admin, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/integrations", body: map[string]string{"kind": "intercom", "name": fmt.Sprintf("Intercom %d", f.next())}}
		}},
		"GET /api/v1/integrations": {admin, 200, get(fixed("/api/v1/integrations"))},
		"DELETE /api/v1/integrations/:id": {admin, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/integrations/" + f.newIntegration("front").ID.String()}
		}},
		"POST /api/v1/integrations/:id/secret": {admin, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/integrations/" + f.newIntegration("helpscout").ID.String() + "/secret", body: map[string]string{}}
		}},
		"GET /api/v1/integrations/:id/events": {admin, 200, func(f *fixtures) apiReq {
			return apiReq{method: "GET", path: "/api/v1/integrations/" + f.newIntegration("zendesk").ID.String() + "/events"}
		}},
		// A support tool's delivery: no token, the signature is its credential.
		"POST /api/v1/hooks/in/:integration_id": {"", 200, func(f *fixtures) apiReq {
			n := f.next()
			return signedGeneric(f.newIntegration("generic").ID, fmt.Sprintf("msg_%d", n),
				fmt.Sprintf(`{"card":"closeloop-%d","email":"hook%d@example.com"}`, f.card.Number, n), time.Now())
		}},
		"GET /api/v1/boards/:id/satisfaction": {viewer, 200, get(func(f *fixtures) string { return boardPath(f) + "/satisfaction" })},
		"GET /api/v1/cards/:id/reactions":     {viewer, 200, get(func(f *fixtures) string { return cardPath(f) + "/reactions" })},

		"GET /api/v1/settings":             {viewer, 200, get(fixed("/api/v1/settings"))},
		"GET /api/v1/boards/:id/templates": {viewer, 200, get(func(f *fixtures) string { return boardPath(f) + "/templates" })},
		"PUT /api/v1/boards/:id/templates/:kind": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PUT", path: boardPath(f) + "/templates/planned", body: map[string]string{"subject": "Planned: {{card_title}}", "body": "Hi {{first_name}}, it is planned."}}
		}},
		"PATCH /api/v1/settings": {admin, 200, func(*fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/settings", body: map[string]string{"product_name": "Acme"}}
		}},

		"POST /api/v1/session": {"", 201, func(f *fixtures) apiReq {
			m := f.newMember(domain.RoleViewer, signInPassword)
			return apiReq{method: "POST", path: "/api/v1/session", body: map[string]string{"email": m.Email, "password": signInPassword}}
		}},
		"GET /api/v1/session":    {viewer, 200, get(fixed("/api/v1/session"))},
		"DELETE /api/v1/session": {viewer, 204, func(*fixtures) apiReq { return apiReq{method: "DELETE", path: "/api/v1/session"} }},

		// Members (issue 13). An API token has no password or profile: PATCH /session is
		// 403 to every token (a member's session changes its own; see member_links_test.go).
		"PATCH /api/v1/session": {viewer, 403, func(*fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/session", body: map[string]string{"name": "Renamed"}}
		}},
		// "Forgot password?" answers 202 for any address; a forged link token is 422.
		"POST /api/v1/session/reset": {"", 202, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/session/reset", body: map[string]string{"email": fmt.Sprintf("who%d@example.com", f.next())}}
		}},
		"GET /api/v1/session/links/:token": {"", 422, get(fixed("/api/v1/session/links/forged-token"))},
		"POST /api/v1/session/links/:token": {"", 422, func(*fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/session/links/forged-token", body: map[string]string{"password": "a long new password"}}
		}},
		"POST /api/v1/members/:id/invite": {admin, 202, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/members/" + f.newMember(viewer, "").ID.String() + "/invite"}
		}},
		"GET /api/v1/members":   {admin, 200, get(fixed("/api/v1/members"))},
		"GET /api/v1/teammates": {viewer, 200, get(fixed("/api/v1/teammates"))},
		"POST /api/v1/members": {admin, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/members", body: map[string]string{
				"email": fmt.Sprintf("new%d@example.com", f.next()), "name": "New", "role": "viewer", "password": "long enough pw"}}
		}},
		"PATCH /api/v1/members/:id": {admin, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/members/" + f.newMember(viewer, signInPassword).ID.String(), body: map[string]string{"name": "Renamed"}}
		}},
		"DELETE /api/v1/members/:id": {admin, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/members/" + f.newMember(viewer, signInPassword).ID.String()}
		}},
		"GET /api/v1/tokens": {admin, 200, get(fixed("/api/v1/tokens"))},
		"POST /api/v1/tokens": {admin, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/tokens", body: map[string]string{"name": fmt.Sprintf("ci %d", f.next()), "role": "viewer"}}
		}},
		"DELETE /api/v1/tokens/:id": {admin, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/tokens/" + f.newToken().String()}
		}},

		"GET /api/v1/webhooks": {admin, 200, get(fixed("/api/v1/webhooks"))},
		"POST /api/v1/webhooks": {admin, 201, func(*fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/webhooks", body: map[string]any{
				"url": "https://203.0.113.7/hook", "events": []string{"card.shipped"}, "format": "slack"}}
		}},
		"PATCH /api/v1/webhooks/:id": {admin, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/webhooks/" + f.newWebhook().ID.String(), body: map[string]any{"enabled": false}}
		}},
		"DELETE /api/v1/webhooks/:id": {admin, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/webhooks/" + f.newWebhook().ID.String()}
		}},
		"POST /api/v1/webhooks/:id/test": {admin, 202, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/webhooks/" + f.newWebhook().ID.String() + "/test"}
		}},
		"GET /api/v1/webhooks/:id/deliveries": {admin, 200, get(func(f *fixtures) string {
			w, _ := f.newFailedDelivery()
			return "/api/v1/webhooks/" + w.String() + "/deliveries"
		})},
		"POST /api/v1/webhooks/:id/deliveries/:delivery_id/retry": {admin, 202, func(f *fixtures) apiReq {
			w, d := f.newFailedDelivery()
			return apiReq{method: "POST", path: "/api/v1/webhooks/" + w.String() + "/deliveries/" + d.String() + "/retry"}
		}},

		"GET /api/v1/boards": {viewer, 200, get(fixed("/api/v1/boards"))},
		"POST /api/v1/boards": {editor, 201, func(*fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/boards", body: map[string]string{"name": "Roadmap"}}
		}},
		"GET /api/v1/boards/:id": {viewer, 200, get(boardPath)},
		"PATCH /api/v1/boards/:id": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/boards/" + f.newBoard().ID.String(), body: map[string]string{"name": "Renamed"}}
		}},
		"DELETE /api/v1/boards/:id": {editor, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/boards/" + f.newBoard().ID.String()}
		}},
		"GET /api/v1/boards/:id/labels": {viewer, 200, get(func(f *fixtures) string { return boardPath(f) + "/labels" })},
		"PATCH /api/v1/boards/:id/labels/:name": {editor, 200, func(f *fixtures) apiReq {
			b := f.newBoard()
			f.newLabelledCard(b, "ux")
			return apiReq{method: "PATCH", path: "/api/v1/boards/" + b.ID.String() + "/labels/ux", body: map[string]string{"color": "green"}}
		}},
		"POST /api/v1/boards/:id/columns": {editor, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/boards/" + f.newBoard().ID.String() + "/columns", body: map[string]string{"name": "Triage", "stage": "open"}}
		}},
		"PATCH /api/v1/columns/:id": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/columns/" + f.newBoard().Columns[0].ID.String(), body: map[string]string{"name": "Someday"}}
		}},
		"DELETE /api/v1/columns/:id": {editor, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/columns/" + f.newBoard().Columns[1].ID.String()}
		}},

		"POST /api/v1/boards/:id/cards": {support, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: boardPath(f) + "/cards", body: map[string]any{
				"column_id": f.board.Columns[0].ID, "kind": "idea", "title": "Dark mode"}}
		}},
		"GET /api/v1/boards/:id/cards": {viewer, 200, get(func(f *fixtures) string { return boardPath(f) + "/cards?sort=demand" })},
		"GET /api/v1/cards/:id":        {viewer, 200, get(cardPath)},
		"GET /api/v1/cards/by-number/:n": {viewer, 200, get(func(f *fixtures) string {
			return fmt.Sprintf("/api/v1/cards/by-number/%d", f.card.Number)
		})},
		"PATCH /api/v1/cards/:id": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/cards/" + f.newCard(f.board).ID.String(), body: map[string]string{"title": "Renamed"}, headers: []string{"If-Match", `"1"`}}
		}},
		"DELETE /api/v1/cards/:id": {editor, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/cards/" + f.newCard(f.board).ID.String()}
		}},
		"POST /api/v1/cards/:id/move": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/cards/" + f.newCard(f.board).ID.String() + "/move", body: map[string]any{"column_id": f.board.Columns[1].ID}}
		}},
		"POST /api/v1/cards/:id/archive": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/cards/" + f.newCard(f.board).ID.String() + "/archive"}
		}},
		"POST /api/v1/cards/:id/restore": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/cards/" + f.newArchivedCard().String() + "/restore"}
		}},
		"GET /api/v1/cards/:id/activity": {viewer, 200, get(func(f *fixtures) string { return cardPath(f) + "/activity" })},
		"POST /api/v1/cards/:id/comments": {support, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: cardPath(f) + "/comments", body: map[string]string{"body": "Asked again on a call"}}
		}},
		"GET /api/v1/cards/:id/comments": {viewer, 200, get(func(f *fixtures) string { return cardPath(f) + "/comments" })},
		// The caller's own comment (a viewer's is written by the fixtures: viewers write none).
		"PATCH /api/v1/comments/:id": {support, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/comments/" + f.newComment(ownerRole(f.caller)).String(), body: map[string]string{"body": "Edited"}}
		}},
		"DELETE /api/v1/comments/:id": {support, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/comments/" + f.newComment(ownerRole(f.caller)).String()}
		}},

		"POST /api/v1/cards/:id/requests": {support, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: cardPath(f) + "/requests", body: map[string]string{"email": fmt.Sprintf("asker%d@example.com", f.next()), "quote": "Yes please"}}
		}},
		"GET /api/v1/cards/:id/requests": {viewer, 200, get(func(f *fixtures) string { return cardPath(f) + "/requests" })},
		"DELETE /api/v1/cards/:id/requests/:requester_id": {support, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: cardPath(f) + "/requests/" + f.newLink(f.card.ID).String()}
		}},
		"POST /api/v1/cards/:id/conversations": {support, 201, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: cardPath(f) + "/conversations", body: map[string]string{"url": fmt.Sprintf("https://app.intercom.com/a/inbox/x/inbox/conversation/%d", f.next())}}
		}},
		"GET /api/v1/cards/:id/conversations": {viewer, 200, get(func(f *fixtures) string { return cardPath(f) + "/conversations" })},

		"GET /api/v1/search":         {viewer, 200, get(fixed("/api/v1/search?q=dark"))},
		"GET /api/v1/events":         {viewer, 200, get(fixed("/api/v1/events"))},
		"GET /api/v1/requesters":     {viewer, 200, get(fixed("/api/v1/requesters?q=person"))},
		"GET /api/v1/requesters/:id": {viewer, 200, get(requesterPath)},
		"PATCH /api/v1/requesters/:id": {support, 200, func(f *fixtures) apiReq {
			return apiReq{method: "PATCH", path: "/api/v1/requesters/" + f.newLink(f.card.ID).String(), body: map[string]string{"company": "Acme"}}
		}},
		"DELETE /api/v1/requesters/:id": {editor, 204, func(f *fixtures) apiReq {
			return apiReq{method: "DELETE", path: "/api/v1/requesters/" + f.newLink(f.card.ID).String()}
		}},
		"GET /api/v1/requesters/:id/requests":   {viewer, 200, get(func(f *fixtures) string { return requesterPath(f) + "/requests" })},
		"GET /api/v1/requesters/:id/deliveries": {viewer, 200, get(func(f *fixtures) string { return requesterPath(f) + "/deliveries" })},
		"GET /api/v1/cards/:id/deliveries":      {viewer, 200, get(func(f *fixtures) string { return cardPath(f) + "/deliveries" })},
		"GET /api/v1/cards/:id/email-preview": {editor, 200, get(func(f *fixtures) string {
			return cardPath(f) + "/email-preview?requester_id=" + f.requester.String()
		})},

		// Import, export and merge (issue 14).
		"POST /api/v1/imports/trello": {editor, 202, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/imports/trello", body: f.trelloExport()}
		}},
		"POST /api/v1/imports/closeloop": {editor, 202, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/imports/closeloop", body: `{"format":"closeloop.board","version":1,
"board":{"name":"Copy"},"columns":[{"id":"0190a000-0000-7000-8000-000000000001","name":"Ideas","stage":"open","position":0}],"cards":[]}`}
		}},
		"POST /api/v1/imports/requests": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/imports/requests", headers: []string{"Content-Type", "text/csv"},
				body: fmt.Sprintf("email,card\nsheet%d@example.com,%s\n", f.next(), f.card.ID)}
		}},
		"GET /api/v1/imports/:id":            {viewer, 200, get(func(f *fixtures) string { return "/api/v1/imports/" + f.newImport().String() })},
		"GET /api/v1/boards/:id/export.json": {viewer, 200, get(func(f *fixtures) string { return boardPath(f) + "/export.json" })},
		"GET /api/v1/boards/:id/export.csv":  {viewer, 200, get(func(f *fixtures) string { return boardPath(f) + "/export.csv" })},
		"GET /api/v1/requesters/:id/export":  {viewer, 200, get(func(f *fixtures) string { return requesterPath(f) + "/export" })},
		"POST /api/v1/cards/:id/merge": {editor, 200, func(f *fixtures) apiReq {
			a, b := f.newMergePair()
			return apiReq{method: "POST", path: "/api/v1/cards/" + a.String() + "/merge", body: map[string]any{"into_id": b}}
		}},
		"POST /api/v1/cards/:id/unmerge": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/cards/" + f.newMergedCard().String() + "/unmerge"}
		}},
		"POST /api/v1/requesters/:id/merge": {editor, 200, func(f *fixtures) apiReq {
			return apiReq{method: "POST", path: "/api/v1/requesters/" + f.newLink(f.card.ID).String() + "/merge",
				body: map[string]any{"into_id": f.newLink(f.card.ID)}}
		}},
	}
}
