package notify

import (
	"mime"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/smtptest"
)

var coalescedReaction = regexp.MustCompile(`(?m)^   Not quite: (http://closeloop\.test/r/[A-Za-z0-9_-]+)\?answer=no$`)

// emailsTo returns the emails the sink accepted for addr, parsed, in arrival order.
func (e *env) emailsTo(t *testing.T, addr string) []receivedEmail {
	t.Helper()
	var out []receivedEmail
	for _, m := range e.sink.Messages() {
		if m.To[0] == addr {
			out = append(out, parseEmail(t, m.Data))
		}
	}
	return out
}

// holdsEnded waits for the senders to hand back every hold (the recorder writes a
// hold's end just after its outcomes) and fails if one is left.
func (e *env) holdsEnded() {
	e.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); e.count(`SELECT count(*) FROM delivery_holds`) != 0; {
		if time.Now().After(deadline) {
			e.t.Errorf("holds left 5 s after everything was sent")
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func subjectOf(t *testing.T, m receivedEmail) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(m.header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// With coalesce_seconds = S: two cards shipped for the same person within S go out as
// one email listing both (each delivery sent, with that email's Message-ID, and
// visible on its card); people on one card get its usual email; a card shipped after
// the window has its own email; the unsubscribed and the erased get nothing.
func TestCoalescingCombinesExactlyTheDeliveriesDueTogether(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	const window = 2 * time.Second
	e.exec(`UPDATE workspace_settings SET coalesce_seconds = 2, product_name = 'Acme'`)
	e.start()
	a := e.card("Dark mode", "Settings → Appearance → Dark.")
	b := e.card("Export to CSV", "Reports → Export, top right.")
	ann := e.requesters(a, "ann", 1)[0]
	e.link(b, ann)
	e.exec(`UPDATE requests SET quote = 'My eyes hurt at night' WHERE card_id = $1 AND requester_id = $2`, a, ann)
	e.requesters(a, "bob", 1)
	e.requesters(b, "cat", 1)
	unsubscribed := e.requesters(a, "uns", 1)[0]
	e.link(b, unsubscribed)
	e.exec(`UPDATE requesters SET unsubscribed_at = now() WHERE id = $1`, unsubscribed)
	erased := e.requesters(a, "gone", 1)[0]
	e.link(b, erased)

	shipped := time.Now()
	e.ship(a)
	time.Sleep(300 * time.Millisecond)
	e.ship(b)
	deadline := time.Now().Add(10 * time.Second)
	for e.count(`SELECT count(*) FROM deliveries WHERE card_id IN ($1, $2)`, a, b) < 8 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	e.erase(erased) // while their emails are held
	if time.Since(shipped) < window-200*time.Millisecond {
		if got := e.sink.Total(); got != 0 {
			t.Errorf("%d emails sent within the window, want them held", got)
		}
	}
	e.settle(a, 4, 20*time.Second)
	e.settle(b, 4, 20*time.Second)
	time.Sleep(300 * time.Millisecond) // anything more would arrive now

	for addr, want := range map[string]int{"ann1@example.com": 1, "bob1@example.com": 1, "cat1@example.com": 1, "uns1@example.com": 0, "gone1@example.com": 0} {
		if got := e.sink.Count(addr); got != want {
			t.Errorf("%s received %d emails, want %d", addr, got, want)
		}
	}
	for _, card := range []uuid.UUID{a, b} {
		if got := e.statuses(card); got["sent"] != 2 || got["suppressed"] != 2 {
			t.Errorf("card %s: statuses %v, want 2 sent (visible on the card) and 2 suppressed", card, got)
		}
	}

	got := e.emailsTo(t, "ann1@example.com")[0]
	t.Logf("%v after the first ship; the coalesced email:\n%s", time.Since(shipped), got.text)
	if s := subjectOf(t, got); s != "Shipped: Dark mode and Export to CSV" {
		t.Errorf("coalesced subject %q", s)
	}
	for _, want := range []string{"Hi Ann 1,", "You asked the Acme team for two things, and both have shipped:",
		"1. Dark mode\n   Settings → Appearance → Dark.\n   You told us: \"My eyes hurt at night\"\n   See what shipped: http://closeloop.test/c/" + a.String(),
		"2. Export to CSV\n   Reports → Export, top right.\n   See what shipped: http://closeloop.test/c/" + b.String(),
		"The Acme team"} {
		if !strings.Contains(got.text, want) {
			t.Errorf("the coalesced text part lacks %q:\n%s", want, got.text)
		}
	}
	if strings.Contains(got.text+got.html, "Closeloop") {
		t.Errorf("the coalesced email names Closeloop:\n%s", got.text)
	}
	links := coalescedReaction.FindAllStringSubmatch(got.text, -1)
	if len(links) != 2 || links[0][1] == links[1][1] {
		t.Fatalf("want one reaction link per card, got %v", links)
	}
	for _, l := range links {
		if !strings.Contains(got.html, `href="`+l[1]+`?answer=yes"`) {
			t.Errorf("the HTML part lacks the Yes link %s", l[1])
		}
	}
	msgID := strings.Trim(got.header.Get("Message-ID"), "<>")
	if n := e.count(`SELECT count(*) FROM deliveries WHERE requester_id = $1 AND status = 'sent' AND message_id = $2`, ann, msgID); n != 2 {
		t.Errorf("%d of ann's deliveries carry the email's Message-ID %s, want 2", n, msgID)
	}
	if n := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND requester_id = $2 AND sent_at - queued_at >= interval '1.9 seconds'`, a, ann); n != 1 {
		t.Errorf("ann's first card was not held for the window")
	}
	if single := e.emailsTo(t, "bob1@example.com")[0]; subjectOf(t, single) != "Shipped: Dark mode" || !strings.Contains(single.text, `You asked us for "Dark mode"`) {
		t.Errorf("bob's one card did not get the board's shipped email: %q\n%s", subjectOf(t, single), single.text)
	}

	// After the window: a third card is an email of its own.
	c := e.card("Keyboard shortcuts", "Press ? anywhere.")
	e.link(c, ann)
	e.ship(c)
	e.settle(c, 1, 20*time.Second)
	emails := e.emailsTo(t, "ann1@example.com")
	if len(emails) != 2 || subjectOf(t, emails[1]) != "Shipped: Keyboard shortcuts" {
		t.Fatalf("after the window ann has %d emails, the last %q", len(emails), subjectOf(t, emails[len(emails)-1]))
	}
	e.holdsEnded()
}
