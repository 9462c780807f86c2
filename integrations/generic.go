package integrations

import (
	"encoding/base64"
	"strings"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// generic: Standard Webhooks. webhook-signature holds space-separated "v1,<base64
// HMAC-SHA256(key, id.timestamp.body)>" entries (key: the base64 after whsec_); the
// timestamp (Unix seconds) within 5 minutes of now.
type generic struct{}

func (generic) Verify(secret string, d domain.InboundDelivery) error {
	id, ts := d.Header.Get("webhook-id"), d.Header.Get("webhook-timestamp")
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if id == "" || ts == "" || err != nil || len(key) == 0 {
		return domain.ErrBadSignature
	}
	want := mac(sha256New, key, []byte(id), []byte("."), []byte(ts), []byte("."), d.Body)
	ok := false
	for _, sig := range strings.Fields(d.Header.Get("webhook-signature")) {
		if v, s, found := strings.Cut(sig, ","); found && v == "v1" && equalBase64(s, want) {
			ok = true
		}
	}
	if !ok || !fresh(ts, d.Now) || strings.Contains(ts, "-") || strings.Contains(ts, "T") {
		return domain.ErrBadSignature
	}
	return nil
}

type genericBody struct {
	Card            string `json:"card"`
	Email           string `json:"email"`
	Name            string `json:"name"`
	Company         string `json:"company"`
	Quote           string `json:"quote"`
	Source          string `json:"source"`
	ConversationURL string `json:"conversation_url"`
	ExternalID      string `json:"external_id"`
}

func (generic) Parse(d domain.InboundDelivery) (domain.InboundEvent, error) {
	var b genericBody
	if err := decode(d.Body, &b); err != nil {
		return domain.InboundEvent{}, err
	}
	ev := domain.InboundEvent{
		// external_id is the sender's id of this event; else the message's webhook-id
		// (the same on every retry).
		EventID: firstNonEmpty(strings.TrimSpace(b.ExternalID), d.Header.Get("webhook-id")),
		Email:   b.Email, Name: b.Name, Company: b.Company, Quote: b.Quote, Source: b.Source,
		ConversationURL: b.ConversationURL, ConversationID: b.ConversationURL,
	}
	if id, err := uuid.Parse(strings.TrimSpace(b.Card)); err == nil {
		ev.CardID = id
	} else if n, ok := domain.ParseCardReference(b.Card); ok {
		ev.References = []int64{n}
	}
	return ev, nil
}
