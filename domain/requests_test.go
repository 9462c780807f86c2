package domain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
)

// Twenty help-desk calls link the same person (their address typed in different cases)
// to one shared card and to their own cards, while twenty other people join the shared
// card: one requester, one request per card, and exact counts.
func TestLinkRequestRace(t *testing.T) {
	env := newTestEnv(t, nil)
	shared := env.cardInStage(t, "open")
	others := []uuid.UUID{env.cardInStage(t, "open"), env.cardInStage(t, "planned"), env.cardInStage(t, "open")}
	const n = 20
	var wg sync.WaitGroup
	var mu sync.Mutex
	created := 0
	errs := make(chan error, 3*n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			email := mixCase("ann.lee@example.com", i)
			res, err := env.svc.LinkRequest(ctx, supportActor, shared, LinkRequestInput{Email: email, Quote: fmt.Sprintf("quote %d", i)})
			if err != nil {
				errs <- err
				return
			}
			if res.Created {
				mu.Lock()
				created++
				mu.Unlock()
			}
			if _, err := env.svc.LinkRequest(ctx, supportActor, others[i%len(others)], LinkRequestInput{Email: email}); err != nil {
				errs <- err
			}
			if _, err := env.svc.LinkRequest(ctx, supportActor, shared, LinkRequestInput{Email: fmt.Sprintf("other%d@example.com", i)}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent link: %v", err)
	}
	if got := env.count(t, `SELECT count(*) FROM requesters WHERE lower(email) = 'ann.lee@example.com'`); got != 1 {
		t.Errorf("requesters for the address = %d, want 1", got)
	}
	if got := env.count(t, `SELECT count(*) FROM requesters`); got != n+1 {
		t.Errorf("requesters = %d, want %d", got, n+1)
	}
	if created != 1 {
		t.Errorf("links reported as new on the shared card = %d, want 1", created)
	}
	if got := env.count(t, `SELECT jsonb_array_length(quotes) FROM requests r JOIN requesters q ON q.id = r.requester_id
WHERE r.card_id = ? AND lower(q.email) = 'ann.lee@example.com'`, shared); got != n {
		t.Errorf("quotes kept on the shared card = %d, want %d", got, n)
	}
	want := map[uuid.UUID]int{shared: n + 1, others[0]: 1, others[1]: 1, others[2]: 1}
	for card, w := range want {
		if got := env.requesterCount(t, card); got != w {
			t.Errorf("card %s requester_count = %d, want %d", card, got, w)
		}
		if got := env.count(t, `SELECT count(*) FROM requests WHERE card_id = ?`, card); got != w {
			t.Errorf("card %s requests = %d, want %d", card, got, w)
		}
	}
}

// mixCase upper-cases the letters of s selected by the bits of i.
func mixCase(s string, i int) string {
	b := []byte(s)
	for j := range b {
		if i&(1<<(j%5)) != 0 {
			b[j] = strings.ToUpper(string(b[j]))[0]
		}
	}
	return string(b)
}

func TestLinkRequestKeepsEveryQuote(t *testing.T) {
	env := newTestEnv(t, nil)
	card := env.cardInStage(t, "open")
	first := env.link(t, card, LinkRequestInput{Email: "Bo@Example.com", Name: "Bo", Company: "Acme", Quote: "I need dark mode", Source: "intercom"})
	second := env.link(t, card, LinkRequestInput{Email: "bo@example.COM", Source: "phone"})
	third := env.link(t, card, LinkRequestInput{Email: "BO@EXAMPLE.COM", Name: "Bo Li", Quote: "  Still waiting  ", Source: "zendesk"})

	if got, want := []bool{first.Created, second.Created, third.Created}, []bool{true, false, false}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("created = %v, want %v", got, want)
	}
	if first.Requester.ID != third.Requester.ID {
		t.Fatalf("relinking made another requester")
	}
	r := third.Request
	if r.Quote != "Still waiting" || r.Source != "intercom" || r.LinkedBy != "Sam Support" {
		t.Errorf("request quote/source/linked_by = %q/%q/%q", r.Quote, r.Source, r.LinkedBy)
	}
	if r.Requester.Email != "Bo@Example.com" || r.Requester.Name != "Bo Li" || r.Requester.Company != "Acme" {
		t.Errorf("requester = %+v; want first address kept, name replaced, company kept", r.Requester)
	}
	var got []string
	for _, q := range r.Quotes {
		got = append(got, q.Text+"|"+q.Source+"|"+q.LinkedBy)
	}
	want := []string{"I need dark mode|intercom|Sam Support", "Still waiting|zendesk|Sam Support"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quotes = %q, want %q", got, want)
	}
	if r.Quotes[0].At.IsZero() || !first.CreatedAt.Equal(r.CreatedAt) {
		t.Errorf("times: quote at %v, created %v vs %v", r.Quotes[0].At, first.CreatedAt, r.CreatedAt)
	}
	if got := env.requesterCount(t, card); got != 1 {
		t.Errorf("requester_count = %d, want 1", got)
	}
	if got := env.count(t, `SELECT count(*) FROM activities WHERE card_id = ? AND action = 'request_linked'`, card); got != 3 {
		t.Errorf("request_linked activities = %d, want 3", got)
	}
}

func TestLinkRequestToShippedCardNotifiesOnce(t *testing.T) {
	rec := &joinRecorder{}
	env := newTestEnv(t, rec)
	shipped, open := env.cardInStage(t, "done"), env.cardInStage(t, "open")
	env.exec(t, `UPDATE cards SET shipped_at = now() WHERE id = ?`, shipped)

	res := env.link(t, shipped, LinkRequestInput{Email: "late@example.com"})
	again := env.link(t, shipped, LinkRequestInput{Email: "LATE@example.com", Quote: "thanks!"})
	notYet := env.link(t, open, LinkRequestInput{Email: "late@example.com"})

	if !res.CardShipped || !again.CardShipped || notYet.CardShipped {
		t.Errorf("card_shipped = %v, %v, %v; want true, true, false", res.CardShipped, again.CardShipped, notYet.CardShipped)
	}
	want := [][2]uuid.UUID{{shipped, res.Requester.ID}}
	if fmt.Sprint(rec.joins) != fmt.Sprint(want) {
		t.Errorf("notifier calls = %v, want %v", rec.joins, want)
	}
	if fmt.Sprint(rec.visible) != "[1]" {
		t.Errorf("request rows seen through the notifier's tx = %v, want [1] (same transaction)", rec.visible)
	}
}

// A notifier failure rolls the link back: no request, no count, no requester.
func TestLinkRequestNotifierFailureRollsBack(t *testing.T) {
	rec := &joinRecorder{fail: errors.New("queue unavailable")}
	env := newTestEnv(t, rec)
	card := env.cardInStage(t, "done")
	env.exec(t, `UPDATE cards SET shipped_at = now() WHERE id = ?`, card)
	if _, err := env.svc.LinkRequest(context.Background(), supportActor, card, LinkRequestInput{Email: "x@example.com"}); err == nil {
		t.Fatal("LinkRequest succeeded although the notifier failed")
	}
	got := []int{env.requesterCount(t, card), env.count(t, `SELECT count(*) FROM requests`), env.count(t, `SELECT count(*) FROM requesters`)}
	if fmt.Sprint(got) != "[0 0 0]" {
		t.Errorf("count, requests, requesters = %v; want all 0", got)
	}
}

func TestLinkRequestRefusals(t *testing.T) {
	env := newTestEnv(t, nil)
	archived := env.cardInStage(t, "open")
	env.exec(t, `UPDATE cards SET archived_at = now() WHERE id = ?`, archived)
	ctx := context.Background()

	_, err := env.svc.LinkRequest(ctx, supportActor, archived, LinkRequestInput{Email: "a@example.com"})
	kindFields(t, err, KindConflict)
	_, err = env.svc.LinkRequest(ctx, supportActor, newID(), LinkRequestInput{Email: "a@example.com"})
	kindFields(t, err, KindNotFound)

	_, err = env.svc.LinkRequest(ctx, supportActor, archived, LinkRequestInput{
		Email: "Ann <a@example.com>", Name: "A\x00", Quote: strings.Repeat("q", 5001),
		Source: "carrier pigeon", ConversationURL: "javascript:alert(1)",
	})
	got := kindFields(t, err, KindInvalid)
	want := map[string]string{
		"email":            "is not a valid address",
		"name":             "must not contain control characters",
		"quote":            "is too long (at most 5,000 characters)",
		"source":           "must be one of intercom, zendesk, freshdesk, helpscout, front, email, phone, meeting, chat, roadmap, import, other (or empty: the link's tool, else other)",
		"conversation_url": "must be a link starting with https://, http:// or mailto:",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("fields = %v\nwant %v", got, want)
	}
	if n := env.count(t, `SELECT count(*) FROM requesters`); n != 0 {
		t.Errorf("requesters after refusals = %d, want 0", n)
	}
}

func TestLinkRequestRecordsConversation(t *testing.T) {
	env := newTestEnv(t, nil)
	card := env.cardInStage(t, "open")
	url := "https://acme.zendesk.com/agent/tickets/4242"
	res := env.link(t, card, LinkRequestInput{Email: "c@example.com", Quote: "please", ConversationURL: url})
	c := res.Conversation
	if c == nil || c.URL != url || c.Tool != ToolZendesk || c.ExternalID != "4242" || *c.RequesterID != res.Requester.ID || c.Excerpt != "please" {
		t.Fatalf("conversation = %+v", c)
	}
	again := env.link(t, card, LinkRequestInput{Email: "c@example.com", ConversationURL: url})
	if again.Conversation.ID != c.ID {
		t.Errorf("same URL made a second conversation")
	}
}

func TestUnlinkRequest(t *testing.T) {
	env := newTestEnv(t, nil)
	card := env.cardInStage(t, "open")
	a := env.link(t, card, LinkRequestInput{Email: "a@example.com"})
	env.link(t, card, LinkRequestInput{Email: "b@example.com"})
	ctx := context.Background()
	if err := env.svc.UnlinkRequest(ctx, supportActor, card, a.Requester.ID); err != nil {
		t.Fatal(err)
	}
	if got := env.requesterCount(t, card); got != 1 {
		t.Errorf("requester_count = %d, want 1", got)
	}
	kindFields(t, env.svc.UnlinkRequest(ctx, supportActor, card, a.Requester.ID), KindNotFound)
	kindFields(t, env.svc.UnlinkRequest(ctx, supportActor, newID(), a.Requester.ID), KindNotFound)
	if got := env.requesterCount(t, card); got != 1 {
		t.Errorf("requester_count after failed unlinks = %d, want 1", got)
	}
}
