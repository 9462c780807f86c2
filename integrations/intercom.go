package integrations

import (
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// intercom: X-Hub-Signature: sha1=<hex HMAC-SHA1(client secret, body)>. The body is a
// notification ({type: notification_event, id, topic, data: {item: conversation}}).
// The older conversation shape names the customer inline (item.user.email); the 2.x
// shape gives only contact ids (item.contacts.contacts[]), so unless the message's
// author carries an email, the event is unmatched.
type intercom struct{}

func (intercom) Verify(secret string, d domain.InboundDelivery) error {
	sig, ok := strings.CutPrefix(strings.TrimSpace(d.Header.Get("X-Hub-Signature")), "sha1=")
	if !ok || !equalHex(sig, mac(sha1New, []byte(secret), d.Body)) {
		return domain.ErrBadSignature
	}
	return nil
}

type intercomPerson struct {
	Type       string `json:"type"`
	ID         flexID `json:"id"`
	UserID     string `json:"user_id"`
	ExternalID string `json:"external_id"`
	Name       string `json:"name"`
	Email      string `json:"email"`
}

type intercomTags struct {
	Tags []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

type intercomPart struct {
	ID       flexID         `json:"id"`
	PartType string         `json:"part_type"`
	Body     string         `json:"body"`
	Author   intercomPerson `json:"author"`
}

type intercomNotification struct {
	Type  string `json:"type"`
	ID    string `json:"id"`
	Topic string `json:"topic"`
	Data  struct {
		Item struct {
			Type string `json:"type"`
			ID   flexID `json:"id"`
			// The older shape.
			User                intercomPerson `json:"user"`
			ConversationMessage struct {
				Body   string         `json:"body"`
				Author intercomPerson `json:"author"`
			} `json:"conversation_message"`
			// The 2.x shape.
			Source struct {
				Body   string         `json:"body"`
				Author intercomPerson `json:"author"`
			} `json:"source"`
			Contacts struct {
				Contacts []intercomPerson `json:"contacts"`
			} `json:"contacts"`
			Tags              intercomTags `json:"tags"`
			TagsAdded         intercomTags `json:"tags_added"`
			ConversationParts struct {
				ConversationParts []intercomPart `json:"conversation_parts"`
			} `json:"conversation_parts"`
			Links struct {
				ConversationWeb string `json:"conversation_web"`
			} `json:"links"`
		} `json:"item"`
	} `json:"data"`
}

func customerAuthor(p intercomPerson) bool {
	switch p.Type {
	case "user", "lead", "contact":
		return true
	}
	return false
}

func (intercom) Parse(d domain.InboundDelivery) (domain.InboundEvent, error) {
	var n intercomNotification
	if err := decode(d.Body, &n); err != nil {
		return domain.InboundEvent{}, err
	}
	item := n.Data.Item
	var f found
	for _, t := range item.TagsAdded.Tags {
		f.tags(t.Name)
	}
	for _, t := range item.Tags.Tags {
		f.tags(t.Name)
	}
	parts := item.ConversationParts.ConversationParts
	for i := len(parts) - 1; i >= 0; i-- { // the newest note first
		if parts[i].PartType == "note" {
			f.note(parts[i].Body)
		}
	}
	ev := domain.InboundEvent{EventID: n.ID, ConversationID: string(item.ID), References: f.refs,
		ConversationURL: item.Links.ConversationWeb}
	// The customer: inline (older shape), else a contact id (2.x) and, when the
	// conversation was started by them, its source's author.
	first := item.ConversationMessage.Body
	switch {
	case item.User.Email != "" || item.User.ID != "":
		ev.Email, ev.Name, ev.ExternalUserID = item.User.Email, item.User.Name, firstNonEmpty(item.User.UserID, string(item.User.ID))
	case len(item.Contacts.Contacts) > 0:
		c := item.Contacts.Contacts[0]
		ev.Email, ev.Name, ev.ExternalUserID = c.Email, c.Name, firstNonEmpty(c.ExternalID, string(c.ID))
		if a := item.Source.Author; ev.Email == "" && customerAuthor(a) && (a.ID == c.ID || a.ID == "") {
			ev.Email, ev.Name = a.Email, firstNonEmpty(ev.Name, a.Name)
		}
	}
	if first == "" && customerAuthor(item.Source.Author) {
		first = item.Source.Body
	}
	if first == "" {
		for _, p := range parts {
			if customerAuthor(p.Author) && p.PartType == "comment" {
				first = p.Body
				break
			}
		}
	}
	ev.Quote = f.quote(first)
	return ev, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
