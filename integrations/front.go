package integrations

import (
	"github.com/closeloop/closeloop/domain"
)

// front: X-Front-Signature: base64 HMAC-SHA1(app secret, body). The body is an event
// ({id, type, conversation, target: {data}}): a tag added (target.data.name) or a
// comment (target.data.body).
type front struct{}

func (front) Verify(secret string, d domain.InboundDelivery) error {
	sig := d.Header.Get("X-Front-Signature")
	if sig == "" || !equalBase64(sig, mac(sha1New, []byte(secret), d.Body)) {
		return domain.ErrBadSignature
	}
	return nil
}

type frontEvent struct {
	ID           string `json:"id"`
	Type         string `json:"type"`
	Conversation struct {
		ID        string `json:"id"`
		Subject   string `json:"subject"`
		Recipient struct {
			Handle string `json:"handle"`
			Role   string `json:"role"`
			Name   string `json:"name"`
			Links  struct {
				Related struct {
					Contact string `json:"contact"`
				} `json:"related"`
			} `json:"_links"`
		} `json:"recipient"`
		Tags []struct {
			Name string `json:"name"`
		} `json:"tags"`
	} `json:"conversation"`
	Target struct {
		Meta struct {
			Type string `json:"type"`
		} `json:"_meta"`
		Data struct {
			ID   string `json:"id"`
			Name string `json:"name"` // a tag
			Body string `json:"body"` // a comment or message
		} `json:"data"`
	} `json:"target"`
	Source struct {
		Data struct {
			Body string `json:"body"`
		} `json:"data"`
	} `json:"source"`
}

func (front) Parse(d domain.InboundDelivery) (domain.InboundEvent, error) {
	var e frontEvent
	if err := decode(d.Body, &e); err != nil {
		return domain.InboundEvent{}, err
	}
	var f found
	if e.Target.Meta.Type == "tag" || e.Type == "tag" {
		f.tags(e.Target.Data.Name)
	}
	if e.Target.Data.Body != "" {
		f.note(e.Target.Data.Body)
	}
	for _, t := range e.Conversation.Tags {
		f.tags(t.Name)
	}
	url := ""
	if e.Conversation.ID != "" {
		url = "https://app.frontapp.com/open/" + e.Conversation.ID
	}
	r := e.Conversation.Recipient
	email := ""
	if r.Handle != "" && containsAt(r.Handle) {
		email = r.Handle
	}
	return domain.InboundEvent{
		EventID: e.ID, ConversationID: e.Conversation.ID, References: f.refs,
		Email: email, Name: r.Name, ExternalUserID: r.Links.Related.Contact,
		Quote: f.quote(firstNonEmpty(e.Source.Data.Body, e.Conversation.Subject)), ConversationURL: url,
	}, nil
}

func containsAt(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			return true
		}
	}
	return false
}
