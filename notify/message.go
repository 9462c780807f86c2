package notify

import (
	"fmt"
	netmail "net/mail"
	"net/url"
	"strings"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"
)

// compose renders the shipped email for a greeting (see greetingOf) and an
// unsubscribe link. Everything from the card and board is made one clean line per
// field first, so that what fills the placeholders is never touched again (the
// skeleton relies on that).
func (s *Service) compose(greeting string, c cardInfo, unsubscribeURL string) (rendered, error) {
	c.Title, c.BoardName = cleanHeader(c.Title), cleanHeader(c.BoardName)
	fill := placeholders(c, greeting)
	team, signature := s.from.Name, s.from.Name
	if team == "" {
		team, signature = "us", "The team"
	}
	return s.render.render(emailData{
		Greeting:       greeting,
		CardTitle:      c.Title,
		CardURL:        s.cfg.BaseURL + "/c/" + c.ID.String(),
		Intro:          fill.Replace(cleanHeader(c.Intro)),
		ReleaseNote:    paragraphs(c.ReleaseNote),
		Team:           team,
		Signature:      signature,
		UnsubscribeURL: unsubscribeURL,
	}, cleanHeader(c.Subject), fill)
}

// greetingOf is how the email greets the requester: their name, or "there".
func greetingOf(r recipient) string {
	if g := cleanHeader(r.Name); g != "" {
		return g
	}
	return "there"
}

func (s *Service) unsubscribeURL(requesterID uuid.UUID) string {
	return s.cfg.BaseURL + "/u/" + s.tokens.sign(requesterID)
}

// message builds the MIME message: multipart/alternative (text, then HTML), with the
// list headers RFC 2919 and RFC 8058 ask for, each written on one line. k is the
// card's skeleton, or nil to render in full.
func (s *Service) message(k *skeleton, r recipient, c cardInfo, requesterID uuid.UUID, msgID string) (*mail.Msg, error) {
	link := s.unsubscribeURL(requesterID)
	var e rendered
	if k != nil {
		e = s.fill(k, c, r, link)
	} else {
		var err error
		if e, err = s.compose(greetingOf(r), c, link); err != nil {
			return nil, err
		}
	}
	to, err := netmail.ParseAddress(r.Email)
	if err != nil {
		return nil, fmt.Errorf("cannot email %q: %w", r.Email, err)
	}
	to.Name = cleanHeader(r.Name) // written by net/mail: quoted or encoded as needed
	m := mail.NewMsg(mail.WithNoDefaultUserAgent())
	m.FromMailAddress(s.from)
	m.SetAddrHeaderFromMailAddress(mail.HeaderTo, to)
	m.Subject(e.Subject)
	m.SetMessageIDWithValue(msgID)
	m.SetDate()
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	m.SetGenHeaderPreformatted("List-Id", s.listID)
	m.SetGenHeaderPreformatted(mail.HeaderListUnsubscribe, "<"+cleanHeader(link)+">")
	m.SetGenHeaderPreformatted(mail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	m.SetBodyString(mail.TypeTextPlain, e.Text)
	m.AddAlternativeString(mail.TypeTextHTML, e.HTML)
	return m, nil
}

// messageID is the delivery's id at the sender's domain: unique per delivery, and
// the same if a crash makes us send it twice, so mail clients can fold the copies.
func messageID(deliveryID uuid.UUID, from string) string {
	domain := "closeloop.invalid"
	if at := strings.LastIndexByte(from, '@'); at >= 0 && at < len(from)-1 {
		domain = from[at+1:]
	}
	return deliveryID.String() + "@" + domain
}

// listID is "<installation.host>": one list per installation, so one unsubscribe
// covers every notification it sends (RFC 2919).
func listID(installation, baseURL string) string {
	host := "localhost"
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "<" + cleanHeader(installation+"."+host) + ">"
}
