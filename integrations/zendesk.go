package integrations

import (
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// zendesk: X-Zendesk-Webhook-Signature: base64 HMAC-SHA256(signing secret, timestamp +
// body) with X-Zendesk-Webhook-Signature-Timestamp, at most 5 minutes old. The body is
// the trigger's JSON, which the integrations page gives to paste (api.md's keys).
type zendesk struct{}

func (zendesk) Verify(secret string, d domain.InboundDelivery) error {
	ts := d.Header.Get("X-Zendesk-Webhook-Signature-Timestamp")
	sig := d.Header.Get("X-Zendesk-Webhook-Signature")
	if ts == "" || sig == "" || !equalBase64(sig, mac(sha256New, []byte(secret), []byte(ts), d.Body)) {
		return domain.ErrBadSignature
	}
	if !fresh(ts, d.Now) {
		return domain.ErrBadSignature
	}
	return nil
}

type zendeskBody struct {
	TicketID          flexID `json:"ticket_id"`
	TicketTitle       string `json:"ticket_title"`
	TicketDescription string `json:"ticket_description"`
	TicketURL         string `json:"ticket_url"`
	Link              string `json:"link"`
	RequesterEmail    string `json:"requester_email"`
	RequesterFullName string `json:"requester_full_name"`
	RequesterID       flexID `json:"requester_id"`
	Tags              string `json:"tags"`
	LatestComment     string `json:"latest_comment"`
}

// withScheme adds https:// to a link Zendesk writes without one ({{ticket.url}}).
func withScheme(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || strings.Contains(u, "://") {
		return u
	}
	return "https://" + strings.TrimPrefix(u, "//")
}

func (zendesk) Parse(d domain.InboundDelivery) (domain.InboundEvent, error) {
	var b zendeskBody
	if err := decode(d.Body, &b); err != nil {
		return domain.InboundEvent{}, err
	}
	var f found
	f.tags(strings.Fields(b.Tags)...)
	f.note(b.LatestComment)
	f.note(b.TicketDescription)
	url := withScheme(b.TicketURL)
	if url == "" {
		url = withScheme(b.Link)
	}
	quote := beside(f.fromNote)
	if quote == "" {
		quote = plain(b.TicketDescription)
	}
	return domain.InboundEvent{
		// Zendesk names each invocation; its retries keep the id.
		EventID:        d.Header.Get("X-Zendesk-Webhook-Invocation-Id"),
		ConversationID: string(b.TicketID), References: f.refs,
		Email: b.RequesterEmail, Name: b.RequesterFullName, ExternalUserID: string(b.RequesterID),
		Quote: quote, ConversationURL: url,
	}, nil
}
