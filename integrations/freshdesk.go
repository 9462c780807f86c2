package integrations

import (
	"crypto/subtle"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// freshdesk: HTTP Basic auth, any user name, password = the secret. The body is the
// automation's JSON, which the integrations page gives to paste (api.md's keys).
type freshdesk struct{}

func (freshdesk) Verify(secret string, d domain.InboundDelivery) error {
	r := requestWithHeader(d.Header)
	_, password, ok := r.BasicAuth()
	if !ok || subtle.ConstantTimeCompare([]byte(password), []byte(secret)) != 1 {
		return domain.ErrBadSignature
	}
	return nil
}

type freshdeskBody struct {
	Webhook struct {
		TriggeredEvent      string `json:"triggered_event"`
		TicketID            flexID `json:"ticket_id"`
		TicketURL           string `json:"ticket_url"`
		TicketSubject       string `json:"ticket_subject"`
		TicketDescription   string `json:"ticket_description"`
		TicketTags          string `json:"ticket_tags"`
		LatestPublicComment string `json:"ticket_latest_public_comment"`
		RequesterName       string `json:"requester_name"`
		RequesterEmail      string `json:"requester_email"`
		RequesterID         flexID `json:"requester_id"`
	} `json:"freshdesk_webhook"`
}

func (freshdesk) Parse(d domain.InboundDelivery) (domain.InboundEvent, error) {
	var b freshdeskBody
	if err := decode(d.Body, &b); err != nil {
		return domain.InboundEvent{}, err
	}
	w := b.Webhook
	var f found
	// {{ticket.tags}} is comma-separated (spaces too, to be safe).
	f.tags(strings.FieldsFunc(w.TicketTags, func(r rune) bool { return r == ',' || r == ' ' })...)
	f.note(w.LatestPublicComment)
	f.note(w.TicketDescription)
	quote := beside(f.fromNote)
	if quote == "" {
		quote = plain(w.TicketDescription)
	}
	return domain.InboundEvent{
		ConversationID: string(w.TicketID), References: f.refs,
		Email: w.RequesterEmail, Name: w.RequesterName, ExternalUserID: string(w.RequesterID),
		Quote: quote, ConversationURL: withScheme(w.TicketURL),
	}, nil
}
