package notify

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/smtptest"
)

var roadmapEditor = domain.Actor{Name: "Eddie Editor", Role: domain.RoleEditor}

// roadmapBoard makes a board with the default columns and a card in Planned, one in
// In progress and one shipped (with a requester whose address must never show).
func (e *env) roadmapBoard(t *testing.T) (b domain.Board, planned, building, shipped domain.Card) {
	t.Helper()
	ctx := context.Background()
	svc := e.domainService()
	b, err := svc.CreateBoard(ctx, roadmapEditor, domain.NewBoard{Name: "Acme Roadmap", Description: "What we build next."})
	if err != nil {
		t.Fatal(err)
	}
	card := func(col int, title, desc string) domain.Card {
		c, err := svc.CreateCard(ctx, roadmapEditor, b.ID, domain.NewCard{ColumnID: b.Columns[col].ID, Kind: domain.CardIdea, Title: title, Description: desc})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	planned, building = card(1, "Dark mode <b>", "Easier on the eyes."), card(2, "CSV export", "")
	shipped = card(0, "Bulk edit", "Edit many at once.")
	if _, err := svc.LinkRequest(ctx, roadmapEditor, shipped.ID, domain.LinkRequestInput{Email: "secret.person@example.com", Quote: "private words"}); err != nil {
		t.Fatal(err)
	}
	note := "Select many & edit once."
	if _, err := svc.MoveCard(ctx, roadmapEditor, shipped.ID, domain.Move{ColumnID: b.Columns[3].ID, ReleaseNote: &note}); err != nil {
		t.Fatal(err)
	}
	return b, planned, building, shipped
}

func (e *env) publish(t *testing.T, b domain.Board, slug string) {
	t.Helper()
	yes := true
	if _, err := e.domainService().UpdateBoard(context.Background(), roadmapEditor, b.ID, domain.BoardPatch{Public: &yes, Slug: &slug}); err != nil {
		t.Fatal(err)
	}
}

// A board that is not public has no roadmap, changelog, feed or want form (404, the
// same answer as no board at all); once public they show planned, in-progress and
// shipped cards and never a requester.
func TestRoadmapIsPublicOnlyWhenTheBoardIs(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	h := e.server(t)
	b, planned, _, _ := e.roadmapBoard(t)
	slug := "acme"
	no := false
	if _, err := e.domainService().UpdateBoard(context.Background(), roadmapEditor, b.ID, domain.BoardPatch{Slug: &slug, Public: &no}); err != nil {
		t.Fatal(err)
	}
	want := "/roadmap/acme/cards/" + planned.ID.String() + "/want"
	for _, slug := range []string{"acme", "nope"} {
		for _, path := range []string{"/roadmap/" + slug, "/roadmap/" + slug + "/changelog", "/roadmap/" + slug + "/feed.atom"} {
			if res := do(t, h, http.MethodGet, path, ""); res.Code != http.StatusNotFound {
				t.Errorf("GET %s of a private board: %d, want 404", path, res.Code)
			}
		}
	}
	if res := post(t, h, want, "email=a%40example.com"); res.Code != http.StatusNotFound {
		t.Errorf("POST want on a private board: %d, want 404", res.Code)
	}

	e.publish(t, b, "acme")
	res := do(t, h, http.MethodGet, "/roadmap/acme", "")
	body := res.Body.String()
	if res.Code != http.StatusOK {
		t.Fatalf("GET /roadmap/acme: %d\n%s", res.Code, body)
	}
	for _, want := range []string{"Dark mode &lt;b&gt;", "CSV export", "Bulk edit", "Select many &amp; edit once.", `action="` + want + `"`,
		`<h2 id="planned">Planned</h2>`, `<h2 id="in-progress">In progress</h2>`, `<h2 id="shipped">Recently shipped</h2>`} {
		if !strings.Contains(body, want) {
			t.Errorf("roadmap lacks %q", want)
		}
	}
	csp := res.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") || strings.Contains(body, "<script") {
		t.Errorf("roadmap CSP %q (or a script in the page)", csp)
	}
	for _, path := range []string{"/roadmap/acme", "/roadmap/acme/changelog", "/roadmap/acme/feed.atom"} {
		res := do(t, h, http.MethodGet, path, "")
		if res.Code != http.StatusOK || strings.Contains(res.Body.String(), "secret.person") || strings.Contains(res.Body.String(), "private words") {
			t.Errorf("GET %s: %d, or it shows a requester", path, res.Code)
		}
	}
	// Making it private again closes it at once.
	if _, err := e.domainService().UpdateBoard(context.Background(), roadmapEditor, b.ID, domain.BoardPatch{Public: &no}); err != nil {
		t.Fatal(err)
	}
	if res := do(t, h, http.MethodGet, "/roadmap/acme/feed.atom", ""); res.Code != http.StatusNotFound {
		t.Errorf("feed after making the board private: %d, want 404", res.Code)
	}
}

// The feed is Atom 1.0 (RFC 4287): the Atom namespace; the feed's id, title,
// updated, an author and a self link; every entry's id, title, updated and an
// alternate link, with RFC 3339 times; newest first.
func TestRoadmapFeedIsAtom(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	h := e.server(t)
	b, _, building, shipped := e.roadmapBoard(t)
	done := b.Columns[3].ID
	if _, err := e.domainService().MoveCard(context.Background(), roadmapEditor, building.ID, domain.Move{ColumnID: done}); err != nil {
		t.Fatal(err)
	}
	e.publish(t, b, "acme")
	res := do(t, h, http.MethodGet, "/roadmap/acme/feed.atom", "")
	if res.Code != http.StatusOK || !strings.HasPrefix(res.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %s", res.Code, res.Header().Get("Content-Type"))
	}
	type link struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}
	var feed struct {
		XMLName xml.Name
		ID      string `xml:"http://www.w3.org/2005/Atom id"`
		Title   string `xml:"http://www.w3.org/2005/Atom title"`
		Updated string `xml:"http://www.w3.org/2005/Atom updated"`
		Author  []struct {
			Name string `xml:"http://www.w3.org/2005/Atom name"`
		} `xml:"http://www.w3.org/2005/Atom author"`
		Links   []link `xml:"http://www.w3.org/2005/Atom link"`
		Entries []struct {
			ID      string `xml:"http://www.w3.org/2005/Atom id"`
			Title   string `xml:"http://www.w3.org/2005/Atom title"`
			Updated string `xml:"http://www.w3.org/2005/Atom updated"`
			Links   []link `xml:"http://www.w3.org/2005/Atom link"`
			Content string `xml:"http://www.w3.org/2005/Atom content"`
		} `xml:"http://www.w3.org/2005/Atom entry"`
	}
	dec := xml.NewDecoder(strings.NewReader(res.Body.String()))
	dec.Strict = true
	if err := dec.Decode(&feed); err != nil {
		t.Fatalf("not XML: %v\n%s", err, res.Body.String())
	}
	isTime := func(s string) bool { _, err := time.Parse(time.RFC3339, s); return err == nil }
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" {
		t.Errorf("root element %v, want Atom's feed", feed.XMLName)
	}
	if !strings.HasPrefix(feed.ID, "urn:uuid:") || feed.Title == "" || !isTime(feed.Updated) || len(feed.Author) != 1 || feed.Author[0].Name == "" {
		t.Errorf("feed head: id %q, title %q, updated %q, authors %v", feed.ID, feed.Title, feed.Updated, feed.Author)
	}
	if !slicesHave(feed.Links, func(l link) bool { return l.Rel == "self" && l.Href == "http://closeloop.test/roadmap/acme/feed.atom" }) {
		t.Errorf("no self link: %v", feed.Links)
	}
	if len(feed.Entries) != 2 {
		t.Fatalf("%d entries, want the 2 shipped cards", len(feed.Entries))
	}
	if feed.Entries[0].Title != "CSV export" || feed.Entries[1].Title != "Bulk edit" {
		t.Errorf("entries %q, %q: want newest first", feed.Entries[0].Title, feed.Entries[1].Title)
	}
	for _, en := range feed.Entries {
		if !strings.HasPrefix(en.ID, "urn:uuid:") || !isTime(en.Updated) || len(en.Links) != 1 || en.Links[0].Rel != "alternate" {
			t.Errorf("entry %+v lacks what Atom requires", en)
		}
	}
	if feed.Entries[1].ID != "urn:uuid:"+shipped.ID.String() || !strings.Contains(feed.Entries[1].Content, "Select many & edit once.") {
		t.Errorf("entry for Bulk edit: %+v", feed.Entries[1])
	}
}

func slicesHave[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if f(v) {
			return true
		}
	}
	return false
}

var confirmLink = regexp.MustCompile(`http://closeloop\.test(/v/[A-Za-z0-9_-]+)`)

// "I want this too" is double opt-in: the ask sends a confirmation email (from the
// team), opening its link asks again, and only the POST links the person, with
// source roadmap and their words, once.
func TestWantThisTooLinksOnlyAfterConfirmation(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	e.start()
	h := e.server(t)
	b, planned, _, shipped := e.roadmapBoard(t)
	e.publish(t, b, "acme")
	wantPath := "/roadmap/acme/cards/" + planned.ID.String() + "/want"
	res := post(t, h, wantPath, url.Values{"email": {"Grace@Example.com"}, "quote": {"For night shifts."}}.Encode())
	if res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "Check your inbox") {
		t.Fatalf("want: %d\n%s", res.Code, res.Body.String())
	}
	if n := e.count(`SELECT count(*) FROM requests WHERE card_id = $1`, planned.ID); n != 0 {
		t.Fatalf("the ask linked %d requesters before any confirmation", n)
	}
	var path string
	deadline := time.Now().Add(10 * time.Second)
	for path == "" {
		time.Sleep(50 * time.Millisecond)
		for _, m := range e.sink.Messages() {
			got := parseEmail(t, m.Data)
			if m.To[0] == "Grace@Example.com" {
				if from := got.header.Get("From"); !strings.Contains(from, "Acme Product Team") || strings.Contains(got.text, "Closeloop") {
					t.Errorf("the confirmation speaks as %q:\n%s", from, got.text)
				}
				if match := confirmLink.FindStringSubmatch(got.text); match != nil {
					path = match[1]
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("no confirmation email within 10 s")
		}
	}
	t.Logf("the confirmation email arrived %v after the ask", time.Since(deadline.Add(-10*time.Second)).Round(time.Millisecond))
	if page := do(t, h, http.MethodGet, path, ""); page.Code != http.StatusOK || !strings.Contains(page.Body.String(), `<form method="post" action="`+path+`">`) {
		t.Fatalf("GET %s: %d\n%s", path, page.Code, page.Body.String())
	}
	if n := e.count(`SELECT count(*) FROM requests WHERE card_id = $1`, planned.ID); n != 0 {
		t.Fatalf("opening the confirmation link linked %d requesters", n)
	}
	for i := 0; i < 2; i++ { // confirming twice links once
		if res := post(t, h, path, ""); res.Code != http.StatusOK || !strings.Contains(res.Body.String(), "you are on the list") {
			t.Fatalf("confirm %d: %d\n%s", i, res.Code, res.Body.String())
		}
	}
	var source, quote string
	if err := e.pool.QueryRow(t.Context(), `SELECT r.source, r.quote FROM requests r JOIN requesters p ON p.id = r.requester_id
WHERE r.card_id = $1 AND lower(p.email) = 'grace@example.com'`, planned.ID).Scan(&source, &quote); err != nil {
		t.Fatalf("not linked after confirming: %v", err)
	}
	if source != "roadmap" || quote != "For night shifts." {
		t.Errorf("linked with source %q, quote %q", source, quote)
	}
	if n := e.count(`SELECT requester_count FROM cards WHERE id = $1`, planned.ID); n != 1 {
		t.Errorf("requester_count %d after confirming twice, want 1", n)
	}
	if n := e.count(`SELECT count(*) FROM roadmap_wants WHERE email <> ''`); n != 0 {
		t.Errorf("%d confirmed asks still hold the address", n)
	}
	// A forged link, a shipped card and bad input change nothing.
	for _, f := range []string{"/v/forged", "/v/" + e.svc.emails.ReactionTokens().Sign(uuid.New())} {
		if res := post(t, h, f, ""); res.Code != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", f, res.Code)
		}
	}
	if res := post(t, h, "/roadmap/acme/cards/"+shipped.ID.String()+"/want", "email=x%40example.com"); res.Code != http.StatusNotFound {
		t.Errorf("want on a shipped card: %d, want 404", res.Code)
	}
	if res := post(t, h, wantPath, "email=not-an-address"); res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "The email") {
		t.Errorf("bad email: %d\n%s", res.Code, res.Body.String())
	}
	if res := post(t, h, wantPath, "email=x%40example.com", "Origin", "https://elsewhere.example"); res.Code != http.StatusForbidden {
		t.Errorf("cross-site want: %d, want 403", res.Code)
	}
}

// Asks are limited per address and per IP, counted in PostgreSQL (every replica
// sees the same counts): past the limit a clear 429, and no email is queued.
func TestWantThisTooIsRateLimited(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	h := e.server(t)
	b, planned, _, _ := e.roadmapBoard(t)
	e.publish(t, b, "acme")
	wantPath := "/roadmap/acme/cards/" + planned.ID.String() + "/want"
	ask := func(email, ip string) int {
		t.Helper()
		return post(t, h, wantPath, url.Values{"email": {email}}.Encode(), "RemoteAddr", ip+":40000").Code
	}
	for i := 1; i <= domain.WantsPerAddress; i++ {
		if code := ask("same@example.com", fmt.Sprintf("192.0.2.%d", i)); code != http.StatusOK {
			t.Fatalf("ask %d for one address: %d", i, code)
		}
	}
	res := post(t, h, wantPath, "email=SAME%40example.com", "RemoteAddr", "192.0.2.99:40000")
	if res.Code != http.StatusTooManyRequests || res.Header().Get("Retry-After") == "" || !strings.Contains(res.Body.String(), "this email address") {
		t.Errorf("ask %d for one address (other case, other IP): %d, Retry-After %q\n%s", domain.WantsPerAddress+1,
			res.Code, res.Header().Get("Retry-After"), res.Body.String())
	}
	for i := 1; i <= domain.WantsPerIP; i++ {
		if code := ask(fmt.Sprintf("p%d@example.com", i), "198.51.100.7"); code != http.StatusOK {
			t.Fatalf("ask %d from one IP: %d", i, code)
		}
	}
	if code := ask("fresh@example.com", "198.51.100.7"); code != http.StatusTooManyRequests {
		t.Errorf("ask %d from one IP: %d, want 429", domain.WantsPerIP+1, code)
	}
	if n := e.count(`SELECT count(*) FROM roadmap_wants`); n != domain.WantsPerAddress+domain.WantsPerIP {
		t.Errorf("%d asks recorded, want %d (none past a limit)", n, domain.WantsPerAddress+domain.WantsPerIP)
	}
	if n := e.count(`SELECT count(*) FROM public_rate_limits WHERE key LIKE '%example%' OR key LIKE '%198.51%'`); n != 0 {
		t.Errorf("the limits table holds %d plain addresses or IPs", n)
	}
}
