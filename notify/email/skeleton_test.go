package email

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// Filling a card's skeleton gives exactly the email rendering it in full gives, for
// names and cards made to trip escaping, and with board overrides that name the
// requester.
func TestSkeletonMatchesFullRendering(t *testing.T) {
	for _, base := range []string{"http://closeloop.test", "https://example.com/close loop&x=1"} {
		sender, err := ParseSender(`"Acme & Co" <product@acme.test>`)
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewRenderer(Settings{BaseURL: base, Sender: sender, Secret: make([]byte, 32), InstallationID: "x"})
		if err != nil {
			t.Fatal(err)
		}
		cards := []Card{
			{ID: uuid.New(), Title: "Dark mode", ReleaseNote: "One.\nTwo.\n\nThree & <four>", BoardName: "Roadmap"},
			{ID: uuid.New(), Title: "<script>alert(1)</script>\r\nBcc: x@y", BoardName: "<b>Bugs</b>",
				Subject: "{{card_title}} for {{first_name}} on {{board_name}}", Body: "Dear {{name}} — {{card_title}} & more\r\n\nYou said {{quote}}, {{first_name}}.\n\n{{note}}\n{{card_url}}"},
			{ID: uuid.New(), Title: "+1 'quoted' \"title\"", Subject: "Shipped {{card_title}}", Body: "{{name}}{{name}}\n\n{{quote}}", Note: "a <note>\n\n+1"},
			{ID: uuid.New(), Title: "“Export” button", Subject: "Shipped \"{{card_title}}\"", Body: "Hi \"{{name}}\", “{{first_name}}”,\n\nYou told us: \"{{quote}}\" and «{{quote}}», {{quote}}\n\n\"{{card_title}}\" shipped: {{card_url}}"},
		}
		if k := r.Skeleton(Shipped, Card{ID: uuid.New(), Title: "%1Flink%1f"}); k != nil {
			t.Errorf("a title that looks like a mark got a skeleton")
		}
		names := []string{"", "Zoë \"Z\" O'Brien <x> & +1", "\x1fname\x1f", "%1flink%1f", "  spaced\tout\r\nname ", `"Dark mode, "please""`, "“Ada”"}
		for _, c := range cards {
			k := r.Skeleton(Shipped, c)
			if k == nil {
				t.Fatalf("no skeleton for %+v", c)
			}
			for _, name := range names {
				to := Recipient{Name: name, Quote: name}
				links := Links{Unsubscribe: r.UnsubscribeURL(uuid.New()), Reaction: r.ReactionURL(uuid.New())}
				want, err := r.Render(Shipped, c, to, links)
				if err != nil {
					t.Fatal(err)
				}
				got := k.Fill(to, links)
				if got != want {
					t.Errorf("base %q, card %q, name %q: skeleton differs\n got: %q\nwant: %q", base, c.Title, name, got, want)
				}
			}
		}
	}
}

// htmlText's shortcut for values with nothing to escape writes what html/template
// writes, for every ASCII character and a few beyond it.
func TestHTMLTextMatchesTemplate(t *testing.T) {
	var all []string
	for c := 0; c < 128; c++ {
		all = append(all, "a"+string(rune(c))+"b")
	}
	all = append(all, "Zoë", "日本", "\u2028", "\xff", "", "Requester 42")
	for _, v := range all {
		var b strings.Builder
		if err := textContext.Execute(&b, v); err != nil {
			t.Fatal(err)
		}
		if got := htmlText(v); got != b.String() {
			t.Errorf("htmlText(%q) = %q, html/template writes %q", v, got, b.String())
		}
	}
}
