package email

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// testRenderer speaks as a workspace with a product name and a two-line signature.
func testRenderer(t *testing.T) *Renderer {
	t.Helper()
	sender, err := ParseSender(`"Acme" <product@acme.test>`)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(Settings{BaseURL: "http://closeloop.test", Sender: sender, Secret: make([]byte, 32), InstallationID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return r.For(Workspace{ProductName: "Acme", Signature: "Ann from Acme\nSupport lead", AccentColor: "#0f766e"})
}

// everyEmail renders every email an end user can get: each notification kind, with
// and without a quote and a note, and the roadmap confirmation.
func everyEmail(t *testing.T, r *Renderer) map[string]Rendered {
	t.Helper()
	out := map[string]Rendered{}
	card := Card{ID: uuid.New(), Title: "Dark mode", ReleaseNote: "Settings → Appearance.\n\nThank you.", Note: "Because of \"reasons\"."}
	for _, k := range []Kind{Shipped, Planned, InProgress, Declined} {
		links := Links{Unsubscribe: r.UnsubscribeURL(uuid.New())}
		if k.AsksReaction() {
			links.Reaction = r.ReactionURL(uuid.New())
		}
		for name, c := range map[string]Card{"": card, " bare": {ID: card.ID, Title: card.Title}} {
			for q, quote := range map[string]string{"": "", " quoted": "I need it at night"} {
				e, err := r.Render(k, c, Recipient{Name: "Zoë", Quote: quote}, links)
				if err != nil {
					t.Fatal(err)
				}
				out[string(k)+name+q] = e
			}
		}
	}
	e, err := r.Confirmation(uuid.New(), "Dark mode")
	if err != nil {
		t.Fatal(err)
	}
	out["confirmation"] = e
	items := []ShippedItem{{Card: card, Quote: `"At night"`, Reaction: r.ReactionURL(uuid.New())},
		{Card: Card{ID: uuid.New(), Title: "CSV export"}, Reaction: r.ReactionURL(uuid.New())}}
	if e, err = r.RenderCoalesced(items, Recipient{Name: "Zoë"}, r.UnsubscribeURL(uuid.New())); err != nil {
		t.Fatal(err)
	}
	out["coalesced"] = e
	return out
}

// Every email's HTML is the table layout mail clients render alike: no <div> frame
// with max-width, no background or style on <body> beyond margin and padding, no
// <p> margins, no <style> block, no border-radius; every paragraph a padded row.
func TestEveryEmailIsTableBased(t *testing.T) {
	refused := map[string]*regexp.Regexp{
		"a <div>":           regexp.MustCompile(`<div\b`),
		"max-width":         regexp.MustCompile(`max-width`),
		"a styled <body>":   regexp.MustCompile(`<body style="(?:[^"]*;)?(?:background|font|color)`),
		"a <p>":             regexp.MustCompile(`<p\b`),
		"a <style> block":   regexp.MustCompile(`<style\b`),
		"border-radius":     regexp.MustCompile(`border-radius`),
		"CSS background":    regexp.MustCompile(`background(-color)?:`),
		"a row outside one": regexp.MustCompile(`</tr>\s*<td`),
	}
	for name, e := range everyEmail(t, testRenderer(t)) {
		for what, re := range refused {
			if re.MatchString(e.HTML) {
				t.Errorf("%s: the HTML has %s:\n%s", name, what, e.HTML)
			}
		}
		if n := strings.Count(e.HTML, `<table role="presentation"`); n < 3 {
			t.Errorf("%s: %d presentation tables, want the frame's 3 or more:\n%s", name, n, e.HTML)
		}
		if o, c := strings.Count(e.HTML, "<tr>"), strings.Count(e.HTML, "</tr>"); o != c || strings.Count(e.HTML, "<td") != strings.Count(e.HTML, "</td>") {
			t.Errorf("%s: unbalanced rows or cells (%d <tr>, %d </tr>):\n%s", name, o, c, e.HTML)
		}
		for _, want := range []string{"Hi ", "Ann from Acme<br>Support lead", `<tr><td style="padding:0 0 16px;">`} {
			if !strings.Contains(e.HTML, want) {
				t.Errorf("%s: the HTML lacks %q:\n%s", name, want, e.HTML)
			}
		}
		if unsub := strings.Contains(e.HTML, "Unsubscribe</a>"); unsub != (name != "confirmation") {
			t.Errorf("%s: unsubscribe footer %v", name, unsub)
		}
		if want := map[bool]string{true: "for these.", false: "for this."}[name == "coalesced"]; name != "confirmation" && !strings.Contains(e.HTML+e.Text, want) {
			t.Errorf("%s: the footer lacks %q", name, want)
		}
	}
}

// The plain-text part reads as a letter: paragraphs one blank line apart (never two),
// no placeholder left, no doubled quotation marks, the signature's lines, and the
// unsubscribe link on a line of its own.
func TestEveryEmailsTextReadsWell(t *testing.T) {
	for name, e := range everyEmail(t, testRenderer(t)) {
		for _, bad := range []string{"\n\n\n", "{{", `""`, "\"'", "<", "&#"} {
			if strings.Contains(e.Text, bad) {
				t.Errorf("%s: the text has %q:\n%s", name, bad, e.Text)
			}
		}
		if !strings.HasPrefix(e.Text, "Hi ") || !strings.Contains(e.Text, "\nAnn from Acme\nSupport lead\n") {
			t.Errorf("%s: greeting or signature:\n%s", name, e.Text)
		}
		if name != "confirmation" && !regexp.MustCompile(`\nhttp://closeloop.test/u/[A-Za-z0-9_-]+\n$`).MatchString(e.Text) {
			t.Errorf("%s: no unsubscribe line at the end:\n%s", name, e.Text)
		}
	}
	if e := everyEmail(t, testRenderer(t))["shipped quoted"]; !strings.Contains(e.Text, "\n\nYou told us: \"I need it at night\"\n\n") {
		t.Errorf("the quote is not a paragraph of its own:\n%s", e.Text)
	}
}

// A placeholder between quotation marks is filled as a quotation: the value's own
// surrounding marks go, its double quotes become single ones. Elsewhere the value is
// left as written.
func TestQuotedPlaceholderIsNotQuotedTwice(t *testing.T) {
	r := testRenderer(t)
	for _, tc := range []struct{ title, quote, wantText, wantHTML string }{
		{`Add an "Export" button`, `"Please, an export"`,
			`You asked us for "Add an 'Export' button", and it has shipped.` + "\n\nYou told us: \"Please, an export\"",
			`You asked us for &#34;Add an &#39;Export&#39; button&#34;, and it has shipped.`},
		{"“Dark” mode", "“Night” use „mostly“", `You asked us for "‘Dark’ mode"` + ", and it has shipped.\n\nYou told us: \"‘Night’ use ‚mostly‘\"",
			`You asked us for &#34;‘Dark’ mode&#34;`},
		{"Plain", "  just words  ", "You asked us for \"Plain\", and it has shipped.\n\nYou told us: \"just words\"", `You asked us for &#34;Plain&#34;`},
	} {
		c := Card{ID: uuid.New(), Title: tc.title}
		to := Recipient{Name: "Ada", Quote: tc.quote}
		links := Links{Unsubscribe: r.UnsubscribeURL(uuid.New()), Reaction: r.ReactionURL(uuid.New())}
		e, err := r.Render(Shipped, c, to, links)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(e.Text, tc.wantText) || !strings.Contains(e.HTML, tc.wantHTML) {
			t.Errorf("title %q, quote %q:\ntext: %s\nwant: %s\nhtml: %s\nwant: %s", tc.title, tc.quote, e.Text, tc.wantText, e.HTML, tc.wantHTML)
		}
		if e.Subject != "Shipped: "+tc.title {
			t.Errorf("subject %q: an unquoted title is written as it is", e.Subject)
		}
		if k := r.Skeleton(Shipped, c); k == nil || k.Fill(to, links) != e {
			t.Errorf("title %q: the skeleton differs from the full rendering", tc.title)
		}
	}
}
