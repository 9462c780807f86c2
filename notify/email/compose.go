package email

import (
	"fmt"

	"github.com/closeloop/closeloop/domain"
)

// Render renders one email of kind about c for to, with their links.
func (r *Renderer) Render(kind Kind, c Card, to Recipient, links Links) (Rendered, error) {
	return r.compose(kind, greetingOf(to), c, links)
}

// compose renders for a greeting (see greetingOf) and an unsubscribe link.
// Everything from the card and board is made one clean line per field first, so
// that what fills the placeholders is never touched again (the skeleton relies on
// that).
func (r *Renderer) compose(kind Kind, greeting string, c Card, links Links) (Rendered, error) {
	set, ok := templates[kind]
	if !ok {
		return Rendered{}, fmt.Errorf("email: no templates for the kind %q", kind)
	}
	c.Title, c.BoardName = cleanHeader(c.Title), cleanHeader(c.BoardName)
	fill := placeholders(c, greeting)
	return set.execute(emailData{
		Greeting:       greeting,
		CardTitle:      c.Title,
		CardURL:        r.baseURL + "/c/" + c.ID.String(),
		Intro:          fill.Replace(cleanHeader(c.Intro)),
		ReleaseNote:    paragraphs(c.ReleaseNote),
		Team:           r.sender.Team,
		Signature:      r.sender.Signature,
		SignatureLines: signatureLines(r.sender.Signature),
		UnsubscribeURL: links.Unsubscribe,
		ReactionURL:    links.Reaction,
	}, cleanHeader(c.Subject), fill)
}

// greetingOf is how the email greets the requester: what domain.GreetingName keeps of
// their name (anyone linking them wrote it: no links, no domains), or "there".
func greetingOf(to Recipient) string {
	if g := domain.GreetingName(to.Name); g != "" {
		return g
	}
	return "there"
}
