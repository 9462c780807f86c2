package api

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// fieldCases are the per-route validation faults: each answers 422 with a message
// for the field (or the documented 4xx).
func fieldCases(f *fixtures) []badCase {
	long := strings.Repeat("x", 10000)
	board, card := "/api/v1/boards/"+f.board.ID.String(), "/api/v1/cards/"+f.card.ID.String()
	column := "/api/v1/columns/" + f.board.Columns[0].ID.String()
	requester := "/api/v1/requesters/" + f.requester.String()
	col0 := f.board.Columns[0].ID
	post := func(path string, body any) apiReq { return apiReq{method: "POST", path: path, body: body} }
	patch := func(path string, body any) apiReq { return apiReq{method: "PATCH", path: path, body: body} }
	newCard := func(extra map[string]any) apiReq {
		b := map[string]any{"column_id": col0, "kind": "idea", "title": "Dark mode"}
		for k, v := range extra {
			b[k] = v
		}
		return post(board+"/cards", b)
	}
	v := func(name string, req apiReq, field string) badCase {
		return badCase{name, req, 422, "validation_failed", field}
	}
	return []badCase{
		// Titles and names: empty, 10,000 characters, line breaks, control characters.
		v("card title empty", newCard(map[string]any{"title": ""}), "title"),
		v("card title blank", newCard(map[string]any{"title": "   "}), "title"),
		v("card title 10,000 characters", newCard(map[string]any{"title": long}), "title"),
		v("card title 201 characters", newCard(map[string]any{"title": strings.Repeat("é", 201)}), "title"),
		v("card title with CR LF", newCard(map[string]any{"title": "Dark\r\nmode"}), "title"),
		v("card title with LF", newCard(map[string]any{"title": "Dark\nmode"}), "title"),
		v("card title with NUL", newCard(map[string]any{"title": "Dark\x00mode"}), "title"),
		v("card title missing", post(board+"/cards", map[string]any{"column_id": col0, "kind": "idea"}), "title"),
		v("card kind unknown", newCard(map[string]any{"kind": "epic"}), "kind"),
		v("card column_id not a UUID", newCard(map[string]any{"column_id": "nope"}), "column_id"),
		v("card column_id missing", post(board+"/cards", map[string]any{"kind": "idea", "title": "x"}), "column_id"),
		v("card column_id of no column", newCard(map[string]any{"column_id": uuid.NewString()}), "column_id"),
		v("card description with NUL", newCard(map[string]any{"description": "a\x00b"}), "description"),
		v("card description too long", newCard(map[string]any{"description": strings.Repeat("d", 20001)}), "description"),
		v("card label with LF", newCard(map[string]any{"labels": []string{"ui\nux"}}), "labels"),
		v("card label empty", newCard(map[string]any{"labels": []string{""}}), "labels"),
		v("card 21 labels", newCard(map[string]any{"labels": manyLabels(21)}), "labels"),
		{"card labels not an array", newCard(map[string]any{"labels": "ui"}), 400, "wrong_type", "labels"},
		v("patch card title empty", patch(card, map[string]any{"title": ""}), "title"),
		v("patch card title 10,000 characters", patch(card, map[string]any{"title": long}), "title"),
		v("patch card title with CR LF", patch(card, map[string]any{"title": "a\r\nb"}), "title"),
		v("patch card kind unknown", patch(card, map[string]any{"kind": "epic"}), "kind"),
		v("patch card release note NUL", patch(card, map[string]any{"release_note": "\x00"}), "release_note"),
		{"patch card If-Match not a version", apiReq{method: "PATCH", path: card, body: map[string]any{"title": "x"}, headers: []string{"If-Match", "soon"}}, 400, "invalid_if_match", "If-Match"},
		{"archive card If-Match not a version", apiReq{method: "DELETE", path: card, headers: []string{"If-Match", "W/x"}}, 400, "invalid_if_match", "If-Match"},
		{"archive card stale If-Match", apiReq{method: "DELETE", path: card, headers: []string{"If-Match", `"7"`}}, 412, "precondition_failed", ""},
		{"patch card stale If-Match", apiReq{method: "PATCH", path: card, body: map[string]any{"title": "x"}, headers: []string{"If-Match", `"99"`}}, 412, "precondition_failed", ""},
		{"patch unknown card", patch("/api/v1/cards/"+uuid.NewString(), map[string]any{"title": "x"}), 404, "not_found", ""},

		// Moves: ids in the body.
		v("move column_id not a UUID", post(card+"/move", map[string]any{"column_id": "nope"}), "column_id"),
		v("move column_id missing", post(card+"/move", map[string]any{}), "column_id"),
		v("move column_id of no column", post(card+"/move", map[string]any{"column_id": uuid.NewString()}), "column_id"),
		v("move before_id not a UUID", post(card+"/move", map[string]any{"column_id": col0, "before_id": "nope"}), "before_id"),
		v("move after_id not a UUID", post(card+"/move", map[string]any{"column_id": col0, "after_id": "12"}), "after_id"),
		v("move before and after", post(card+"/move", map[string]any{"column_id": col0, "before_id": uuid.NewString(), "after_id": uuid.NewString()}), "before_id"),
		v("move before a card elsewhere", post(card+"/move", map[string]any{"column_id": f.board.Columns[1].ID, "before_id": uuid.NewString()}), "before_id"),
		v("move before itself", post(card+"/move", map[string]any{"column_id": col0, "before_id": f.card.ID}), "before_id"),
		v("move release note NUL", post(card+"/move", map[string]any{"column_id": col0, "release_note": "\x00"}), "release_note"),
		{"move stale If-Match", apiReq{method: "POST", path: card + "/move", body: map[string]any{"column_id": col0}, headers: []string{"If-Match", `"42"`}}, 412, "precondition_failed", ""},

		// Boards and columns.
		v("board name empty", post("/api/v1/boards", map[string]any{"name": ""}), "name"),
		v("board name 10,000 characters", post("/api/v1/boards", map[string]any{"name": long}), "name"),
		v("board name with CR LF", post("/api/v1/boards", map[string]any{"name": "Road\r\nmap"}), "name"),
		v("board description with NUL", post("/api/v1/boards", map[string]any{"name": "x", "description": "\x00"}), "description"),
		v("board columns empty", post("/api/v1/boards", map[string]any{"name": "x", "columns": []any{}}), "columns"),
		v("board column stage unknown", post("/api/v1/boards", map[string]any{"name": "x", "columns": []map[string]string{{"name": "A", "stage": "soon"}}}), "columns[0].stage"),
		v("board column name empty", post("/api/v1/boards", map[string]any{"name": "x", "columns": []map[string]string{{"name": "", "stage": "open"}}}), "columns[0].name"),
		{"board column unknown field", post("/api/v1/boards", map[string]any{"name": "x", "columns": []map[string]string{{"name": "A", "stage": "open", "wip": "3"}}}), 400, "unknown_field", "wip"},
		{"board columns wrong type", post("/api/v1/boards", map[string]any{"name": "x", "columns": "Ideas"}), 400, "wrong_type", "columns"},
		v("board 21 columns", post("/api/v1/boards", map[string]any{"name": "x", "columns": manyColumns(21)}), "columns"),
		v("patch board name empty", patch(board, map[string]any{"name": ""}), "name"),
		v("patch board subject with CR LF", patch(board, map[string]any{"email_subject": "Hi\r\nBcc: x@example.com"}), "email_subject"),
		v("patch board intro too long", patch(board, map[string]any{"email_intro": strings.Repeat("i", 2001)}), "email_intro"),
		v("column name empty", post(board+"/columns", map[string]any{"name": "", "stage": "open"}), "name"),
		v("column name 10,000 characters", post(board+"/columns", map[string]any{"name": long, "stage": "open"}), "name"),
		v("column name with LF", post(board+"/columns", map[string]any{"name": "a\nb", "stage": "open"}), "name"),
		v("column stage unknown", post(board+"/columns", map[string]any{"name": "x", "stage": "soon"}), "stage"),
		v("column position negative", post(board+"/columns", map[string]any{"name": "x", "stage": "open", "position": -1}), "position"),
		v("column position past the end", post(board+"/columns", map[string]any{"name": "x", "stage": "open", "position": 99}), "position"),
		{"column position not a number", post(board+"/columns", map[string]any{"name": "x", "stage": "open", "position": "first"}), 400, "wrong_type", "position"},
		{"column position huge", post(board+"/columns", map[string]any{"name": "x", "stage": "open", "position": json.Number("1e400")}), 400, "wrong_type", "position"},
		{"column position a fraction", post(board+"/columns", map[string]any{"name": "x", "stage": "open", "position": 1.5}), 400, "wrong_type", "position"},
		v("patch column stage unknown", patch(column, map[string]any{"stage": "later"}), "stage"),
		v("patch column position past the end", patch(column, map[string]any{"position": 4}), "position"),
		v("patch column name with CR", patch(column, map[string]any{"name": "a\rb"}), "name"),
		{"delete a column holding cards", apiReq{method: "DELETE", path: column}, 409, "conflict", ""},

		// Requests, conversations, requesters.
		v("request email invalid", post(card+"/requests", map[string]any{"email": "not an email"}), "email"),
		v("request email empty", post(card+"/requests", map[string]any{"email": ""}), "email"),
		v("request email missing", post(card+"/requests", map[string]any{"quote": "hi"}), "email"),
		v("request email with CR LF", post(card+"/requests", map[string]any{"email": "ada@example.com\r\nBcc: eve@example.com"}), "email"),
		v("request email display name", post(card+"/requests", map[string]any{"email": "Ada <ada@example.com>"}), "email"),
		v("request email two addresses", post(card+"/requests", map[string]any{"email": "ada@example.com, eve@example.com"}), "email"),
		v("request email too long", post(card+"/requests", map[string]any{"email": strings.Repeat("a", 250) + "@example.com"}), "email"),
		v("request name 10,000 characters", post(card+"/requests", map[string]any{"email": "ada@example.com", "name": long}), "name"),
		v("request name with LF", post(card+"/requests", map[string]any{"email": "ada@example.com", "name": "Ada\nLovelace"}), "name"),
		v("request quote too long", post(card+"/requests", map[string]any{"email": "ada@example.com", "quote": strings.Repeat("q", 5001)}), "quote"),
		v("request source unknown", post(card+"/requests", map[string]any{"email": "ada@example.com", "source": "carrier pigeon"}), "source"),
		v("request source too long", post(card+"/requests", map[string]any{"email": "ada@example.com", "source": strings.Repeat("s", 101)}), "source"),
		v("request company with LF", post(card+"/requests", map[string]any{"email": "ada@example.com", "company": "A\nB"}), "company"),
		v("request quote with NUL", post(card+"/requests", map[string]any{"email": "ada@example.com", "quote": "a\x00b"}), "quote"),
		v("request conversation_url javascript", post(card+"/requests", map[string]any{"email": "ada@example.com", "conversation_url": "javascript:alert(1)"}), "conversation_url"),
		v("conversation url empty", post(card+"/conversations", map[string]any{"url": ""}), "url"),
		v("conversation url javascript", post(card+"/conversations", map[string]any{"url": "javascript:alert(1)"}), "url"),
		v("conversation url with LF", post(card+"/conversations", map[string]any{"url": "https://a.example/x\ny"}), "url"),
		v("conversation url too long", post(card+"/conversations", map[string]any{"url": "https://a.example/" + long}), "url"),
		v("conversation requester_email invalid", post(card+"/conversations", map[string]any{"url": "https://a.example/1", "requester_email": "nope"}), "requester_email"),
		v("conversation excerpt with NUL", post(card+"/conversations", map[string]any{"url": "https://a.example/1", "excerpt": "\x00"}), "excerpt"),
		v("requester email invalid", patch(requester, map[string]any{"email": "nope"}), "email"),
		v("requester name with CR LF", patch(requester, map[string]any{"name": "a\r\nb"}), "name"),
		v("requester external id key bad", patch(requester, map[string]any{"external_ids": map[string]any{"bad key!": "1"}}), "external_ids"),
		v("requester external id value NUL", patch(requester, map[string]any{"external_ids": map[string]any{"intercom": "\x00"}}), "external_ids"),
		v("requester 21 external ids", patch(requester, map[string]any{"external_ids": manyIDs(21)}), "external_ids"),
		{"requester external ids wrong type", patch(requester, map[string]any{"external_ids": []string{"1"}}), 400, "wrong_type", "external_ids"},
		{"requester external id value wrong type", patch(requester, map[string]any{"external_ids": map[string]any{"intercom": 5}}), 400, "wrong_type", "external_ids"},

		// Team.
		v("member email invalid", post("/api/v1/members", map[string]any{"email": "nope", "name": "M", "role": "viewer", "password": "long enough pw"}), "email"),
		v("member email with CR LF", post("/api/v1/members", map[string]any{"email": "m@example.com\r\nBcc: x@example.com", "name": "M", "role": "viewer", "password": "long enough pw"}), "email"),
		v("member name empty", post("/api/v1/members", map[string]any{"email": "m@example.com", "name": "", "role": "viewer", "password": "long enough pw"}), "name"),
		v("member name with CR LF", post("/api/v1/members", map[string]any{"email": "m@example.com", "name": "a\r\nb", "role": "viewer", "password": "long enough pw"}), "name"),
		v("member role unknown", post("/api/v1/members", map[string]any{"email": "m@example.com", "name": "M", "role": "root", "password": "long enough pw"}), "role"),
		v("member password short", post("/api/v1/members", map[string]any{"email": "m@example.com", "name": "M", "role": "viewer", "password": "short"}), "password"),
		v("patch member role unknown", patch("/api/v1/members/"+f.newMember(domain.RoleViewer, signInPassword).ID.String(), map[string]any{"role": "root"}), "role"),
		v("patch member password short", patch("/api/v1/members/"+f.newMember(domain.RoleViewer, signInPassword).ID.String(), map[string]any{"password": "short"}), "password"),
		{"patch member disabled not a boolean", patch("/api/v1/members/"+uuid.NewString(), map[string]any{"disabled": "yes"}), 400, "wrong_type", "disabled"},
		v("token name empty", post("/api/v1/tokens", map[string]any{"name": "", "role": "viewer"}), "name"),
		v("token name 10,000 characters", post("/api/v1/tokens", map[string]any{"name": long, "role": "viewer"}), "name"),
		v("token name with LF", post("/api/v1/tokens", map[string]any{"name": "a\nb", "role": "viewer"}), "name"),
		v("token role unknown", post("/api/v1/tokens", map[string]any{"name": "ci", "role": "root"}), "role"),
		v("webhook url missing", post("/api/v1/webhooks", map[string]any{"events": []string{"card.shipped"}, "format": "standard"}), "url"),
		v("webhook url not http", post("/api/v1/webhooks", map[string]any{"url": "ftp://203.0.113.7/x", "events": []string{"card.shipped"}, "format": "standard"}), "url"),
		v("webhook url loopback", post("/api/v1/webhooks", map[string]any{"url": "http://127.0.0.1:8080/api/v1/boards", "events": []string{"card.shipped"}, "format": "standard"}), "url"),
		v("webhook url metadata service", post("/api/v1/webhooks", map[string]any{"url": "http://169.254.169.254/latest", "events": []string{"card.shipped"}, "format": "slack"}), "url"),
		v("webhook url private", post("/api/v1/webhooks", map[string]any{"url": "https://10.0.0.5/hook", "events": []string{"card.shipped"}, "format": "slack"}), "url"),
		v("webhook url 10,000 characters", post("/api/v1/webhooks", map[string]any{"url": "https://203.0.113.7/" + long, "events": []string{"card.shipped"}, "format": "slack"}), "url"),
		v("webhook events empty", post("/api/v1/webhooks", map[string]any{"url": "https://203.0.113.7/x", "events": []string{}, "format": "standard"}), "events"),
		v("webhook event unknown", post("/api/v1/webhooks", map[string]any{"url": "https://203.0.113.7/x", "events": []string{"card.deleted"}, "format": "standard"}), "events"),
		v("webhook format unknown", post("/api/v1/webhooks", map[string]any{"url": "https://203.0.113.7/x", "events": []string{"card.shipped"}, "format": "teams"}), "format"),
		v("webhook description with LF", post("/api/v1/webhooks", map[string]any{"url": "https://203.0.113.7/x", "events": []string{"card.shipped"}, "format": "slack", "description": "a\nb"}), "description"),
		v("patch webhook url private", patch("/api/v1/webhooks/"+f.newWebhook().ID.String(), map[string]any{"url": "http://192.168.1.1/"}), "url"),
		v("patch webhook events empty", patch("/api/v1/webhooks/"+f.newWebhook().ID.String(), map[string]any{"events": []string{}}), "events"),
		{"webhook events not a list", post("/api/v1/webhooks", map[string]any{"url": "https://203.0.113.7/x", "events": "card.shipped", "format": "slack"}), 400, "wrong_type", "events"},
		v("session email empty", post("/api/v1/session", map[string]any{"email": "", "password": "x"}), "email"),
		v("session password missing", post("/api/v1/session", map[string]any{"email": "a@example.com"}), "password"),
		v("session email with NUL", post("/api/v1/session", map[string]any{"email": "a\x00@example.com", "password": "long but wrong"}), "email"),
		v("session email 10,000 characters", post("/api/v1/session", map[string]any{"email": long, "password": "long but wrong"}), "email"),
		v("session password 2,000 bytes", post("/api/v1/session", map[string]any{"email": "a@example.com", "password": strings.Repeat("p", 2000)}), "password"),
	}
}

func manyLabels(n int) []string {
	labels := make([]string, n)
	for i := range labels {
		labels[i] = fmt.Sprintf("l%d", i)
	}
	return labels
}

func manyIDs(n int) map[string]string {
	ids := map[string]string{}
	for i := range n {
		ids[fmt.Sprintf("tool%d", i)] = "x"
	}
	return ids
}

func manyColumns(n int) []map[string]string {
	cols := make([]map[string]string, n)
	for i := range cols {
		cols[i] = map[string]string{"name": fmt.Sprintf("C%d", i), "stage": "open"}
	}
	return cols
}
