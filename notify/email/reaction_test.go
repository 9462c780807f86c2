package email

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// A shipped email asks "Did this solve it?" with two links carrying the delivery's
// token, in both parts; the token names that delivery and is no unsubscribe token.
func TestShippedEmailAsksReaction(t *testing.T) {
	sender, err := ParseSender(`Acme <product@acme.test>`)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(Settings{BaseURL: "http://closeloop.test", Sender: sender, Secret: make([]byte, 32), InstallationID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	delivery, requester := uuid.New(), uuid.New()
	links := Links{Unsubscribe: r.UnsubscribeURL(requester), Reaction: r.ReactionURL(delivery)}
	e, err := r.Render(Shipped, Card{ID: uuid.New(), Title: "Dark mode"}, Recipient{Name: "Ada"}, links)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{links.Reaction + "?answer=yes", links.Reaction + "?answer=no"} {
		if !strings.Contains(e.Text, want) || !strings.Contains(e.HTML, `href="`+want+`"`) {
			t.Errorf("email lacks %s\ntext: %s\nhtml: %s", want, e.Text, e.HTML)
		}
	}
	token := strings.TrimPrefix(links.Reaction, "http://closeloop.test/r/")
	if got, err := r.ReactionTokens().Parse(token); err != nil || got != delivery {
		t.Errorf("reaction token parses to %v, %v; want %v", got, err, delivery)
	}
	if _, err := r.Tokens().Parse(token); err == nil {
		t.Errorf("a reaction token is accepted as an unsubscribe token")
	}
	if _, err := r.ReactionTokens().Parse(r.Tokens().Sign(delivery)); err == nil {
		t.Errorf("an unsubscribe token is accepted as a reaction token")
	}
	if _, err := r.ConfirmTokens().Parse(token); err == nil {
		t.Errorf("a reaction token is accepted as a roadmap confirmation token")
	}
	none, err := r.Render(Shipped, Card{ID: uuid.New(), Title: "Dark mode"}, Recipient{}, Links{Unsubscribe: links.Unsubscribe})
	if err != nil || strings.Contains(none.Text, "solve it") || strings.Contains(none.HTML, "/r/") {
		t.Errorf("without a reaction link the email still asks: %v\n%s", err, none.Text)
	}
}
