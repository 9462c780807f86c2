package email

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
)

// A Skeleton is a card's email rendered once, with marks where the requester's name,
// first name, quote and unsubscribe link go. A send batch shares one card, so each of
// its emails is then a few string copies instead of a full rendering, which made up
// most of the notifier's own CPU per email.
//
// The marks contain \x1f, which no rendered value can (cleanHeader removes control
// characters). A mark's text is escaped the way the full rendering escapes the value
// that replaces it in that place; if a mark turns up in any other form (a template
// put the name into a URL), the skeleton is refused and every email is rendered in
// full. A paragraph with {{quote}} sits between section marks, left out of an email
// whose requester has no quote.
const (
	nameMark      = "\x1fname\x1f"
	firstMark     = "\x1ffirst\x1f"
	quoteMark     = "\x1fquote\x1f"
	sectionStart  = "\x1fq{\x1f"
	sectionEnd    = "\x1fq}\x1f"
	linkMark      = "\x1flink\x1f"
	linkMarkHref  = "%1flink%1f" // how html/template writes linkMark inside href="…"
	reactMark     = "\x1freact\x1f"
	reactMarkHref = "%1freact%1f"
	// The same values written between quotation marks (quotedValue).
	nameQMark  = "\x1fnameQ\x1f"
	firstQMark = "\x1ffirstQ\x1f"
	quoteQMark = "\x1fquoteQ\x1f"
)

var marks = []struct {
	mark string
	hole byte
}{{nameMark, 'n'}, {firstMark, 'f'}, {quoteMark, 'q'}, {sectionStart, '{'}, {sectionEnd, '}'}, {linkMark, 'l'}, {reactMark, 'r'},
	{nameQMark, 'N'}, {firstQMark, 'F'}, {quoteQMark, 'Q'}}

// quotedMarks: a per-recipient mark between quotation marks becomes its quoted mark.
var quotedMarks = map[string]string{nameMark: nameQMark, firstMark: firstQMark, quoteMark: quoteQMark}

// Skeleton is one card's email with holes for the requester's values and links (see
// above): the unsubscribe link is the requester's, the reaction link the delivery's.
type Skeleton struct {
	r           *Renderer
	kind        Kind
	card        Card
	subject     string // the shared subject, or "" when it names the requester
	subjectTmpl string // the template's subject, with its per-recipient placeholders
	text, html  []piece
	quoted      [3]bool // some hole is a quoted name, first name, quote (N, F, Q)
}

// piece is literal text followed by a hole (or none at the end).
type piece struct {
	text string
	hole byte // see marks; 0 none
}

// Skeleton renders c's email of kind with the marks; nil when it cannot be used.
func (r *Renderer) Skeleton(kind Kind, c Card) *Skeleton {
	if strings.Contains(strings.ToLower(c.Title+c.ReleaseNote+c.BoardName+c.Subject+c.Body+c.Note), "%1f") {
		return nil // would be taken for a mark below
	}
	subject, _ := c.template(kind)
	if strings.Contains(subject, "quote") {
		return nil // a quote in a subject is flattened, unlike the body's: render in full
	}
	links := Links{Unsubscribe: linkMark}
	if kind.AsksReaction() {
		links.Reaction = reactMark
	}
	e, err := r.compose(kind, c, values{FirstName: firstMark, Name: nameMark, Quote: quoteMark}, links, true)
	if err != nil {
		return nil
	}
	html := strings.NewReplacer(linkMarkHref, linkMark, reactMarkHref, reactMark).Replace(e.HTML)
	k := &Skeleton{r: r, kind: kind, card: c, text: split(e.Text), html: split(html)}
	for _, p := range append(append([]piece{}, k.text...), k.html...) {
		if p.hole == '?' || strings.Contains(p.text, "\x1f") || strings.Contains(strings.ToLower(p.text), "%1f") {
			return nil // a mark in a context this shortcut does not escape for
		}
		if i := strings.IndexByte("NFQ", p.hole); p.hole != 0 && i >= 0 {
			k.quoted[i] = true
		}
	}
	if strings.Contains(e.Subject, "\x1f") {
		k.subjectTmpl = subject
	} else {
		k.subject = e.Subject
	}
	return k
}

func split(s string) []piece {
	var out []piece
	for {
		i := strings.IndexByte(s, '\x1f')
		if i < 0 {
			return append(out, piece{text: s})
		}
		found := false
		for _, m := range marks {
			if strings.HasPrefix(s[i:], m.mark) {
				out = append(out, piece{text: s[:i], hole: m.hole})
				s = s[i+len(m.mark):]
				found = true
				break
			}
		}
		if !found {
			return append(out, piece{text: s, hole: '?'}) // refused by Skeleton
		}
	}
}

// Fill makes one requester's email from the skeleton: the same bytes Render makes.
// links.Unsubscribe must be an UnsubscribeURL and, for a kind that asks for a
// reaction, links.Reaction a ReactionURL of the same renderer.
func (k *Skeleton) Fill(to Recipient, links Links) Rendered {
	g := greetingOf(to)
	v := values{FirstName: firstName(g), Name: g, Quote: cleanLines(to.Quote)}
	text := holes{name: v.Name, first: v.FirstName, quote: v.Quote, link: links.Unsubscribe, react: links.Reaction}
	html := holes{name: htmlText(v.Name), first: htmlText(v.FirstName),
		link: k.r.hrefPrefix + links.Unsubscribe[len(k.r.baseURL)+len("/u/"):]}
	if links.Reaction != "" {
		html.react = k.r.reactHref + links.Reaction[len(k.r.baseURL)+len("/r/"):]
	}
	if v.Quote != "" {
		html.quote = linesHTML(v.Quote)
	}
	if k.quoted[0] {
		text.nameQ = quotedValue(v.Name)
		html.nameQ = htmlText(text.nameQ)
	}
	if k.quoted[1] {
		text.firstQ = quotedValue(v.FirstName)
		html.firstQ = htmlText(text.firstQ)
	}
	if k.quoted[2] && v.Quote != "" {
		text.quoteQ = quotedValue(v.Quote)
		html.quoteQ = linesHTML(text.quoteQ)
	}
	out := Rendered{
		Subject: k.subject,
		Text:    join(k.text, &text),
		HTML:    join(k.html, &html),
	}
	if k.subject == "" {
		c := k.card
		v.CardTitle, v.ReleaseNote, v.Note = cleanHeader(c.Title), cleanLines(c.ReleaseNote), cleanLines(c.Note)
		v.CardURL, v.ProductName = k.r.baseURL+"/c/"+c.ID.String(), k.r.product
		if v.ProductName == "" {
			v.ProductName = "us"
		}
		out.Subject = subjectOf(k.subjectTmpl, v)
	}
	return out
}

// holes are what fills one email's holes in one part, escaped for that part.
type holes struct {
	name, first, quote    string
	nameQ, firstQ, quoteQ string // the same between quotation marks (quotedValue)
	link, react           string
}

func join(pieces []piece, h *holes) string {
	var b strings.Builder
	b.Grow(len(pieces)*64 + 4096)
	skip := false
	for _, p := range pieces {
		if !skip {
			b.WriteString(p.text)
		}
		switch p.hole {
		case '{':
			skip = h.quote == ""
		case '}':
			skip = false
		}
		if skip {
			continue
		}
		switch p.hole {
		case 'n':
			b.WriteString(h.name)
		case 'f':
			b.WriteString(h.first)
		case 'q':
			b.WriteString(h.quote)
		case 'N':
			b.WriteString(h.nameQ)
		case 'F':
			b.WriteString(h.firstQ)
		case 'Q':
			b.WriteString(h.quoteQ)
		case 'l':
			b.WriteString(h.link)
		case 'r':
			b.WriteString(h.react)
		}
	}
	return b.String()
}

var textContext = htmltemplate.Must(htmltemplate.New("").Parse(`{{.}}`))

// htmlText escapes v as html/template does in element text and <title>. A value
// without any character that escaping replaces (the usual name) is returned as it is,
// without running a template.
func htmlText(v string) string {
	if !strings.ContainsAny(v, "\x00\"&'+<>") {
		return v
	}
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
