package notify

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/api"
	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// server is the real HTTP handler with this notifier as its mailroom.
func (e *env) server(t *testing.T) http.Handler {
	t.Helper()
	g, err := gorm.Open(postgres.Open(e.url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	svc := domain.NewService(domain.NewDB(g), e.svc)
	return api.New(api.Deps{Service: svc, Mailroom: e.svc, BaseURL: "http://closeloop.test", Log: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler()
}

func do(t *testing.T, h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// The List-Unsubscribe URL of a received email, POSTed the way mail providers do
// (RFC 8058), unsubscribes at once: no login, cookie or redirect; and the next ship
// sends that person nothing. A forged or altered token changes nothing.
func TestOneClickUnsubscribe(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	e.start()
	h := e.server(t)
	card := e.card("Bulk edit", "Select many, edit once.")
	ids := e.requesters(card, "unsub", 2)
	e.ship(card)
	e.settle(card, 2, 10*time.Second)

	var link string
	for _, m := range e.sink.Messages() {
		if m.To[0] == addressOf("unsub", 1) {
			got := parseEmail(t, m.Data)
			link = strings.Trim(got.header.Get("List-Unsubscribe"), "<>")
		}
	}
	u, err := url.Parse(link)
	if err != nil || u.Host != "closeloop.test" || !strings.HasPrefix(u.Path, "/u/") {
		t.Fatalf("List-Unsubscribe = %q", link)
	}

	page := do(t, h, http.MethodGet, u.Path, "")
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), `<form method="post" action="`+u.Path+`">`) ||
		!strings.Contains(page.Body.String(), "u…@example.com") {
		t.Fatalf("GET %s: %d\n%s", u.Path, page.Code, page.Body.String())
	}
	if got := e.count(`SELECT count(*) FROM requesters WHERE unsubscribed_at IS NOT NULL`); got != 0 {
		t.Fatalf("opening the page unsubscribed someone")
	}

	res := do(t, h, http.MethodPost, u.Path, "List-Unsubscribe=One-Click")
	if res.Code != http.StatusOK || res.Header().Get("Location") != "" || res.Header().Get("Set-Cookie") != "" {
		t.Fatalf("POST: %d, Location %q, Set-Cookie %q", res.Code, res.Header().Get("Location"), res.Header().Get("Set-Cookie"))
	}
	if got := e.count(`SELECT count(*) FROM requesters WHERE id = $1 AND unsubscribed_at IS NOT NULL`, ids[0]); got != 1 {
		t.Fatalf("requester not unsubscribed after the one-click POST")
	}
	if again := do(t, h, http.MethodPost, u.Path, "List-Unsubscribe=One-Click"); again.Code != http.StatusOK {
		t.Errorf("a repeated POST answered %d", again.Code)
	}

	// Forged: another requester's token with one character changed.
	other := e.svc.emails.Tokens().Sign(ids[1])
	c := "A"
	if other[10] == 'A' {
		c = "B"
	}
	flipped := other[:10] + c + other[11:]
	for _, token := range []string{flipped, other[:len(other)-1], "not-a-token", strings.Repeat("A", 43)} {
		if res := do(t, h, http.MethodPost, "/u/"+token, "List-Unsubscribe=One-Click"); res.Code < 400 || res.Code > 499 {
			t.Errorf("POST forged token %q answered %d, want 4xx", token, res.Code)
		}
		if res := do(t, h, http.MethodGet, "/u/"+token, ""); res.Code != http.StatusNotFound {
			t.Errorf("GET forged token %q answered %d, want 404", token, res.Code)
		}
	}
	if got := e.count(`SELECT count(*) FROM requesters WHERE unsubscribed_at IS NOT NULL`); got != 1 {
		t.Errorf("%d requesters unsubscribed after forged tokens, want still 1", got)
	}

	// The next ship: suppressed for the one who left, sent to the other.
	next := e.card("Bulk delete", "")
	e.link(next, ids[0])
	e.link(next, ids[1])
	e.ship(next)
	e.settle(next, 2, 10*time.Second)
	if got := e.sink.Count(addressOf("unsub", 1)); got != 1 {
		t.Errorf("unsubscribed requester received %d emails in all, want only the first", got)
	}
	if got := e.sink.Count(addressOf("unsub", 2)); got != 2 {
		t.Errorf("other requester received %d emails, want 2", got)
	}
}

// The link in every email: a shipped card's public page shows its title and note,
// escaped; an unknown id is a 404 page.
func TestPublicCardPage(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	h := e.server(t)
	card := e.card("Exports <fast>", "Ten times faster.")
	res := do(t, h, http.MethodGet, "/c/"+card.String(), "")
	body := res.Body.String()
	if res.Code != http.StatusOK || !strings.Contains(body, "<h1>Exports &lt;fast&gt;</h1>") || !strings.Contains(body, "Ten times faster.") {
		t.Errorf("GET /c/%s: %d\n%s", card, res.Code, body)
	}
	for _, path := range []string{"/c/" + strings.Repeat("0", 8) + "-0000-0000-0000-000000000000", "/c/nope"} {
		if res := do(t, h, http.MethodGet, path, ""); res.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, res.Code)
		}
	}
}
