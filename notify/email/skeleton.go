package email

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
)

// A Skeleton is a card's email rendered once, with marks where the requester's name
// and unsubscribe link go. A send batch shares one card, so each of its emails is
// then a few string copies instead of two template executions, which made up most
// of the notifier's own CPU per email.
//
// The marks contain \x1f, which no rendered value can (cleanHeader removes control
// characters). A mark's text is escaped the way html/template escapes the value that
// replaces it in that place; if a mark turns up in any other form (a template put the
// name into a URL or a script), the skeleton is refused and every email is rendered
// in full.
const (
	nameMark      = "\x1fname\x1f"
	linkMark      = "\x1flink\x1f"
	linkMarkHref  = "%1flink%1f" // how html/template writes linkMark inside href="…"
	reactMark     = "\x1freact\x1f"
	reactMarkHref = "%1freact%1f"
)

// Skeleton is one card's email with holes for the name and the links (see above):
// the unsubscribe link is the requester's, the reaction link the delivery's.
type Skeleton struct {
	r           *Renderer
	card        Card
	subject     string // the shared subject, or "" when it names the requester
	subjectTmpl string // the board's subject with {{name}} still in it
	text, html  []piece
}

// piece is literal text followed by a hole (or none at the end).
type piece struct {
	text string
	hole byte // 'n' name, 'l' unsubscribe link, 'r' reaction link, 0 none
}

// Skeleton renders c's email of kind with the marks; nil when it cannot be used.
func (r *Renderer) Skeleton(kind Kind, c Card) *Skeleton {
	if strings.Contains(strings.ToLower(c.Title+c.ReleaseNote+c.BoardName+c.Subject+c.Intro), "%1f") {
		return nil // would be taken for a mark below
	}
	links := Links{Unsubscribe: linkMark}
	if kind.AsksReaction() {
		links.Reaction = reactMark
	}
	e, err := r.compose(kind, nameMark, c, links)
	if err != nil {
		return nil
	}
	html := strings.NewReplacer(linkMarkHref, linkMark, reactMarkHref, reactMark).Replace(e.HTML)
	k := &Skeleton{r: r, card: c, text: split(e.Text), html: split(html)}
	for _, p := range k.html {
		if strings.Contains(p.text, "\x1f") || strings.Contains(strings.ToLower(p.text), "%1f") {
			return nil // a mark in a context this shortcut does not escape for
		}
	}
	if strings.Contains(e.Subject, nameMark) {
		k.subjectTmpl = c.Subject
	} else {
		k.subject = e.Subject
	}
	return k
}

func split(s string) []piece {
	var out []piece
	for {
		i := strings.IndexByte(s, '\x1f')
		switch {
		case i < 0:
			return append(out, piece{text: s})
		case strings.HasPrefix(s[i:], nameMark):
			out = append(out, piece{text: s[:i], hole: 'n'})
			s = s[i+len(nameMark):]
		case strings.HasPrefix(s[i:], linkMark):
			out = append(out, piece{text: s[:i], hole: 'l'})
			s = s[i+len(linkMark):]
		case strings.HasPrefix(s[i:], reactMark):
			out = append(out, piece{text: s[:i], hole: 'r'})
			s = s[i+len(reactMark):]
		default:
			return append(out, piece{text: s}) // refused by Skeleton
		}
	}
}

// Fill makes one requester's email from the skeleton: the same bytes Render makes.
// links.Unsubscribe must be an UnsubscribeURL and, for a kind that asks for a
// reaction, links.Reaction a ReactionURL of the same renderer.
func (k *Skeleton) Fill(to Recipient, links Links) Rendered {
	greeting := greetingOf(to)
	htmlLinks := Links{Unsubscribe: k.r.hrefPrefix + links.Unsubscribe[len(k.r.baseURL)+len("/u/"):]}
	if links.Reaction != "" {
		htmlLinks.Reaction = k.r.reactHref + links.Reaction[len(k.r.baseURL)+len("/r/"):]
	}
	out := Rendered{
		Subject: k.subject,
		Text:    join(k.text, greeting, links),
		HTML:    join(k.html, htmlText(greeting), htmlLinks),
	}
	if k.subject == "" {
		c := k.card
		c.Title = cleanHeader(c.Title)
		out.Subject = cleanHeader(placeholders(c, greeting).Replace(k.subjectTmpl))
	}
	return out
}

func join(pieces []piece, name string, links Links) string {
	var b strings.Builder
	b.Grow(len(pieces)*64 + 4096)
	for _, p := range pieces {
		b.WriteString(p.text)
		switch p.hole {
		case 'n':
			b.WriteString(name)
		case 'l':
			b.WriteString(links.Unsubscribe)
		case 'r':
			b.WriteString(links.Reaction)
		}
	}
	return b.String()
}

var textContext = htmltemplate.Must(htmltemplate.New("").Parse(`{{.}}`))

// htmlText escapes v as html/template does in element text and <title>.
func htmlText(v string) string {
	var b bytes.Buffer
	textContext.Execute(&b, v) //nolint:errcheck // a string into a buffer
	return b.String()
}

// hrefPrefixOf is how html/template writes a link's prefix (base+"/u/") inside
// href="…"; a token is base64url, which it writes unchanged, so prefix + token is the
// whole link.
func hrefPrefixOf(prefix string) string {
	t := htmltemplate.Must(htmltemplate.New("").Parse(`<a href="{{.}}">`))
	var b bytes.Buffer
	t.Execute(&b, prefix) //nolint:errcheck // a string into a buffer
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a href="`), `">`)
}
