package notify

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/smtptest"
)

var reactionLink = regexp.MustCompile(`(?m)^Not quite: (http://closeloop\.test/r/[A-Za-z0-9_-]+)\?answer=no$`)

// reactionPath reads the "Not quite" link of the email the sink received for to.
func (e *env) reactionPath(t *testing.T, to string) string {
	t.Helper()
	for _, m := range e.sink.Messages() {
		if m.To[0] != to {
			continue
		}
		got := parseEmail(t, m.Data)
		match := reactionLink.FindStringSubmatch(got.text)
		if match == nil || !strings.Contains(got.html, `href="`+match[1]+`?answer=yes"`) {
			t.Fatalf("no reaction links in the email to %s:\n%s", to, got.text)
		}
		u, err := url.Parse(match[1])
		if err != nil {
			t.Fatal(err)
		}
		return u.Path
	}
	t.Fatalf("no email to %s", to)
	return ""
}

func post(t *testing.T, h http.Handler, target, body string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "RemoteAddr" { // the peer's address, as the server sees it
			req.RemoteAddr = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// The reaction link of a received shipped email: opening it (as a mail scanner
// would, with either answer) records nothing; POSTing records one answer per email,
// a later POST replaces it, and the card's counts follow; a "not quite" comment is
// kept as a quote on the request. Forged tokens, other media types and cross-site
// posts change nothing.
func TestReactionLinks(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	e.start()
	h := e.server(t)
	card := e.card("Bulk edit", "Select many, edit once.")
	ids := e.requesters(card, "react", 2)
	e.ship(card)
	e.settle(card, 2, 10*time.Second)
	first, second := e.reactionPath(t, addressOf("react", 1)), e.reactionPath(t, addressOf("react", 2))
	if first == second {
		t.Fatalf("two deliveries share the reaction link %s", first)
	}
	counts := func() (yes, no int) {
		t.Helper()
		if err := e.pool.QueryRow(t.Context(), `SELECT reactions_yes, reactions_no FROM cards WHERE id = $1`, card).Scan(&yes, &no); err != nil {
			t.Fatal(err)
		}
		return yes, no
	}

	for _, answer := range []string{"yes", "no", "maybe", ""} {
		page := do(t, h, http.MethodGet, first+"?answer="+answer, "")
		if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), `<form method="post" action="`+first+`">`) ||
			!strings.Contains(page.Body.String(), "Did “Bulk edit” solve it for you?") {
			t.Fatalf("GET %s?answer=%s: %d\n%s", first, answer, page.Code, page.Body.String())
		}
		if !strings.Contains(page.Header().Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("reaction page CSP = %q", page.Header().Get("Content-Security-Policy"))
		}
	}
	if n := e.count(`SELECT count(*) FROM reactions`); n != 0 {
		t.Fatalf("opening the links recorded %d answers", n)
	}
	if y, n := counts(); y != 0 || n != 0 {
		t.Fatalf("opening the links counted %d yes, %d no", y, n)
	}

	res := post(t, h, first, url.Values{"answer": {"no"}, "comment": {"I still cannot edit dates."}}.Encode())
	if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Thank you for telling us") {
		t.Fatalf("POST no: %d\n%s", res.Code, res.Body.String())
	}
	if y, n := counts(); y != 0 || n != 1 {
		t.Errorf("after one no: %d yes, %d no", y, n)
	}
	var quote string
	var quotes int
	if err := e.pool.QueryRow(t.Context(), `SELECT quote, jsonb_array_length(quotes) FROM requests WHERE card_id = $1 AND requester_id = $2`,
		card, ids[0]).Scan(&quote, &quotes); err != nil {
		t.Fatal(err)
	}
	if quote != "I still cannot edit dates." || quotes != 1 {
		t.Errorf("request quote %q with %d quotes, want the comment once", quote, quotes)
	}
	// The same answer again adds no quote; a yes replaces the no.
	post(t, h, first, url.Values{"answer": {"no"}, "comment": {"I still cannot edit dates."}}.Encode())
	if res := post(t, h, first, "answer=yes"); res.Code != http.StatusOK {
		t.Fatalf("POST yes: %d\n%s", res.Code, res.Body.String())
	}
	if n := e.count(`SELECT count(*) FROM reactions WHERE card_id = $1`, card); n != 1 {
		t.Errorf("%d answers for one email after three posts, want 1", n)
	}
	if n := e.count(`SELECT count(*) FROM reactions WHERE answer = 'yes' AND delivery_id = (SELECT id FROM deliveries WHERE requester_id = $1)`, ids[0]); n != 1 {
		t.Errorf("the later answer did not replace the first")
	}
	if n := e.count(`SELECT jsonb_array_length(quotes) FROM requests WHERE card_id = $1 AND requester_id = $2`, card, ids[0]); n != 1 {
		t.Errorf("%d quotes after posting the same comment twice, want 1", n)
	}
	if res := post(t, h, second, "answer=no"); res.Code != http.StatusOK {
		t.Fatalf("second POST: %d", res.Code)
	}
	if y, n := counts(); y != 1 || n != 1 {
		t.Errorf("after yes and no from two people: %d yes, %d no", y, n)
	}

	// What changes nothing: a bad answer, forged tokens, a JSON body, a cross-site post.
	if res := post(t, h, second, "answer=maybe"); res.Code != http.StatusUnprocessableEntity {
		t.Errorf("answer=maybe: %d, want 422", res.Code)
	}
	token := strings.TrimPrefix(first, "/r/")
	flip := "A"
	if token[5] == 'A' {
		flip = "B"
	}
	forged := []string{token[:5] + flip + token[6:], token[:len(token)-1], "preview", e.svc.emails.Tokens().Sign(ids[0]),
		e.svc.emails.ReactionTokens().Sign(uuid.New())}
	for _, f := range forged {
		if res := post(t, h, "/r/"+f, "answer=no"); res.Code < 400 || res.Code > 499 {
			t.Errorf("POST forged %q: %d, want 4xx", f, res.Code)
		}
		if res := do(t, h, http.MethodGet, "/r/"+f+"?answer=no", ""); res.Code != http.StatusNotFound {
			t.Errorf("GET forged %q: %d, want 404", f, res.Code)
		}
	}
	json := httptest.NewRequest(http.MethodPost, first, strings.NewReader(`{"answer":"no"}`))
	json.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, json)
	if rec.Code != http.StatusUnsupportedMediaType {
		t.Errorf("JSON body: %d, want 415", rec.Code)
	}
	if res := post(t, h, first, "answer=no", "Sec-Fetch-Site", "cross-site"); res.Code != http.StatusForbidden {
		t.Errorf("cross-site post: %d, want 403", res.Code)
	}
	if res := post(t, h, first, "answer=no", "Origin", "https://evil.example"); res.Code != http.StatusForbidden {
		t.Errorf("post from another origin: %d, want 403", res.Code)
	}
	if y, n := counts(); y != 1 || n != 1 {
		t.Errorf("after refused posts: %d yes, %d no, want 1 and 1", y, n)
	}
}
