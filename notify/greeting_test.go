package notify

import (
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// TestNamesInEmailsCarryNoLinks: a requester's name is written by whoever linked them
// (support, a help desk), and the email goes to any address, so the greeting and the To
// header show only what domain.GreetingName keeps: no link, no domain, no address, at
// most 100 characters, "there" when nothing is left. Every part is checked, for emails
// made from a card's skeleton (a fan-out) as for those rendered in full.
func TestNamesInEmailsCarryNoLinks(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	e.start()
	card := e.card("Dark mode", "It follows your system.")
	ids := e.requesters(card, "name", 4)
	names := map[string]struct{ name, greeting string }{
		addressOf("name", 1): {"Your account is locked: https://evil.example/login", "Your account is locked"},
		addressOf("name", 2): {"Bob, visit evil-bank.com or bob@evil-bank.com", "Bob visit or"},
		addressOf("name", 3): {"www.evil.example", "there"},
		addressOf("name", 4): {strings.Repeat("Pad ", 40), strings.TrimSpace(strings.Repeat("Pad ", 25))},
	}
	for i, id := range ids {
		e.exec(`UPDATE requesters SET name = $2 WHERE id = $1`, id, names[addressOf("name", i+1)].name)
	}
	e.ship(card)
	e.settle(card, len(ids), 15*time.Second)
	msgs := e.sink.Messages()
	if len(msgs) != len(ids) {
		t.Fatalf("sink has %d messages, want %d", len(msgs), len(ids))
	}
	for _, msg := range msgs {
		m := parseEmail(t, msg.Data)
		to, err := mail.ParseAddress(m.header.Get("To"))
		if err != nil {
			t.Fatal(err)
		}
		want := names[to.Address]
		if !strings.Contains(m.text, "Hi "+want.greeting+",") || !strings.Contains(m.html, "Hi "+want.greeting+",") {
			t.Errorf("%s: greeting is not %q:\n%s", to.Address, want.greeting, m.text)
		}
		if wantTo := strings.TrimPrefix(want.greeting, "there"); to.Name != wantTo {
			t.Errorf("%s: To name %q, want %q", to.Address, to.Name, wantTo)
		}
		for _, part := range []string{m.header.Get("To"), m.text, m.html} {
			for _, bad := range []string{"evil", "locked:"} {
				if strings.Contains(part, bad) {
					t.Errorf("%s: the email carries %q from the name:\n%s", to.Address, bad, part)
				}
			}
		}
	}
}
