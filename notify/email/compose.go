package email

import (
	"fmt"
	htmltemplate "html/template"

	"github.com/closeloop/closeloop/domain"
)

// Render renders one email of kind about c for to, with their links.
func (r *Renderer) Render(kind Kind, c Card, to Recipient, links Links) (Rendered, error) {
	g := greetingOf(to)
	return r.compose(kind, c, values{FirstName: firstName(g), Name: g, Quote: cleanLines(to.Quote)}, links, false)
}

// compose renders for the per-recipient values v (FirstName, Name, Quote: marks in a
// skeleton, sections true) and the links. Everything from the card and board is made
// clean lines first, so that what fills the placeholders is never touched again (the
// skeleton relies on that).
func (r *Renderer) compose(kind Kind, c Card, v values, links Links, sections bool) (Rendered, error) {
	set, ok := templates[kind]
	if !ok {
		return Rendered{}, fmt.Errorf("email: no templates for the kind %q", kind)
	}
	subject, body := c.template(kind)
	c.Title, c.BoardName = cleanHeader(c.Title), cleanHeader(c.BoardName)
	v.CardTitle, v.ReleaseNote, v.Note = c.Title, cleanLines(c.ReleaseNote), cleanLines(c.Note)
	v.CardURL, v.ProductName, v.Accent = r.baseURL+"/c/"+c.ID.String(), r.product, r.accent
	if v.ProductName == "" {
		v.ProductName = "us"
	}
	text, html := bodyOf(body, v, sections)
	return set.execute(emailData{
		Subject:        subjectOf(subject, v),
		BodyText:       text,
		BodyHTML:       htmltemplate.HTML(html), //nolint:gosec // every literal and value escaped by bodyOf
		Accent:         r.accent,
		Team:           r.sender.Team,
		Signature:      r.sender.Signature,
		SignatureLines: signatureLines(r.sender.Signature),
		UnsubscribeURL: links.Unsubscribe,
		ReactionURL:    links.Reaction,
	})
}

// template is the card's board template of kind, or the default's parts it leaves empty.
func (c Card) template(kind Kind) (subject, body string) {
	d := domain.DefaultTemplate(string(kind))
	subject, body = c.Subject, c.Body
	if subject == "" {
		subject = d.Subject
	}
	if body == "" {
		body = d.Body
	}
	return subject, body
}

// greetingOf is how the email greets the requester: what domain.GreetingName keeps of
// their name (anyone linking them wrote it: no links, no domains), or "there".
func greetingOf(to Recipient) string {
	if g := domain.GreetingName(to.Name); g != "" {
		return g
	}
	return "there"
}
