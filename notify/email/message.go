package email

import (
	"net/url"
	"strings"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"
)

// Message builds the MIME message of a rendered email: multipart/alternative (text,
// then HTML), with the list headers RFC 2919 and RFC 8058 ask for, each written on
// one line. msgID is the Message-ID (see MessageID).
func (r *Renderer) Message(to Recipient, e Rendered, unsubscribeURL, msgID string) (*mail.Msg, error) {
	addr, err := recipientAddress(to.Email, to.Name)
	if err != nil {
		return nil, err
	}
	m := mail.NewMsg(mail.WithNoDefaultUserAgent())
	m.FromMailAddress(r.sender.From)
	if r.replyTo != nil {
		m.SetAddrHeaderFromMailAddress(mail.HeaderReplyTo, r.replyTo)
	}
	m.SetAddrHeaderFromMailAddress(mail.HeaderTo, addr)
	m.Subject(e.Subject)
	m.SetMessageIDWithValue(msgID)
	m.SetDate()
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	m.SetGenHeaderPreformatted("List-Id", r.listID)
	m.SetGenHeaderPreformatted(mail.HeaderListUnsubscribe, "<"+cleanHeader(unsubscribeURL)+">")
	m.SetGenHeaderPreformatted(mail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	m.SetBodyString(mail.TypeTextPlain, e.Text)
	m.AddAlternativeString(mail.TypeTextHTML, e.HTML)
	return m, nil
}

// MessageID is a delivery's id at the sender's domain: unique per delivery, and the
// same if a crash makes us send it twice, so mail clients can fold the copies.
func (r *Renderer) MessageID(deliveryID uuid.UUID) string {
	from := r.sender.From.Address
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
