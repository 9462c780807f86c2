package email

import (
	"testing"

	"github.com/google/uuid"
)

// The skeleton shortcut against the full rendering, per email of a fan-out of the
// default shipped template (go test -bench . ./notify/email/).
func BenchmarkShippedEmail(b *testing.B) {
	sender, err := ParseSender(`"Acme" <product@acme.test>`)
	if err != nil {
		b.Fatal(err)
	}
	r, err := NewRenderer(Settings{BaseURL: "http://closeloop.test", Sender: sender, Secret: make([]byte, 32), InstallationID: "x"})
	if err != nil {
		b.Fatal(err)
	}
	r = r.For(Workspace{ProductName: "Acme"})
	c := Card{ID: uuid.New(), Title: "Dark mode", ReleaseNote: "It is live for everyone: Settings → Appearance → Dark.\n\nThank you for asking for it."}
	to := Recipient{Name: "Requester 42", Email: "r42@example.com", Quote: "I work at night"}
	links := Links{Unsubscribe: r.UnsubscribeURL(uuid.New()), Reaction: r.ReactionURL(uuid.New())}
	b.Run("skeleton", func(b *testing.B) {
		k := r.Skeleton(Shipped, c)
		if k == nil {
			b.Fatal("no skeleton")
		}
		for b.Loop() {
			k.Fill(to, links)
		}
	})
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			if _, err := r.Render(Shipped, c, to, links); err != nil {
				b.Fatal(err)
			}
		}
	})
}
