package email

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// The coalesced email names its cards in the subject, escapes every value in the HTML
// part, gives each card its own reaction links and speaks as the workspace.
func TestCoalescedEmail(t *testing.T) {
	sender, err := ParseSender(`noreply@acme.test`)
	if err != nil {
		t.Fatal(err)
	}
	base, err := NewRenderer(Settings{BaseURL: "http://closeloop.test", Sender: sender, Secret: make([]byte, 32), InstallationID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	r := base.For(Workspace{ProductName: "Acme", Signature: "Maya\nAcme support", AccentColor: "#16a34a"})
	items := []ShippedItem{
		{Card: Card{ID: uuid.New(), Title: "Dark <b>mode</b>", ReleaseNote: "Settings → Appearance.\n\nDark & light."}, Quote: "at night\nplease", Reaction: r.ReactionURL(uuid.New())},
		{Card: Card{ID: uuid.New(), Title: "CSV export"}, Reaction: r.ReactionURL(uuid.New())},
		{Card: Card{ID: uuid.New(), Title: "Shortcuts"}, Reaction: r.ReactionURL(uuid.New())},
	}
	e, err := r.RenderCoalesced(items, Recipient{Name: "Ada Lovelace", Email: "ada@example.com"}, r.UnsubscribeURL(uuid.New()))
	if err != nil {
		t.Fatal(err)
	}
	if e.Subject != "Shipped: Dark <b>mode</b>, CSV export and Shortcuts" {
		t.Errorf("subject %q", e.Subject)
	}
	for _, want := range []string{"Hi Ada Lovelace,", "You asked the Acme team for three things, and all three have shipped:",
		"1. Dark <b>mode</b>\n   Settings → Appearance.\n   Dark & light.\n   You told us: \"at night please\"", "3. Shortcuts", "Maya\nAcme support\n",
		"because you asked the Acme team for these."} {
		if !strings.Contains(e.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, e.Text)
		}
	}
	if strings.Contains(e.HTML, "<b>mode") || !strings.Contains(e.HTML, "Dark &lt;b&gt;mode&lt;/b&gt;") || !strings.Contains(e.HTML, "Dark &amp; light.") {
		t.Errorf("HTML does not escape the values:\n%s", e.HTML)
	}
	if !strings.Contains(e.HTML, "because you asked the Acme team for these.") {
		t.Errorf("HTML footer does not speak of several cards")
	}
	if !strings.Contains(e.HTML, "color:#16a34a") {
		t.Errorf("HTML lacks the accent colour")
	}
	for _, it := range items {
		for _, a := range []string{"?answer=yes", "?answer=no"} {
			if strings.Count(e.Text, it.Reaction+a) != 1 || strings.Count(e.HTML, `href="`+it.Reaction+a+`"`) != 1 {
				t.Errorf("card %q: want its %s link once in each part", it.Card.Title, a)
			}
		}
	}
	if strings.Contains(e.Text+e.HTML, "Closeloop") {
		t.Errorf("names Closeloop")
	}
	if got := coalescedSubject([]string{"A", "B", "C", "D", "E"}); got != "Shipped: A, B and 3 more" {
		t.Errorf("five cards: %q", got)
	}
	if got := coalescedIntro("us", 2); got != "You asked us for two things, and both have shipped:" {
		t.Errorf("intro %q", got)
	}
}
