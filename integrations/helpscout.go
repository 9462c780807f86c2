package integrations

import (
	"fmt"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// helpscout: X-HelpScout-Signature: base64 HMAC-SHA1(secret key, body). Tags Updated
// (convo.tags) and Note Created (convo.note.created) send the conversation object.
type helpscout struct{}

func (helpscout) Verify(secret string, d domain.InboundDelivery) error {
	sig := d.Header.Get("X-HelpScout-Signature")
	if sig == "" || !equalBase64(sig, mac(sha1New, []byte(secret), d.Body)) {
		return domain.ErrBadSignature
	}
	return nil
}

type helpscoutPerson struct {
	ID    flexID `json:"id"`
	Type  string `json:"type"`
	First string `json:"first"`
	Last  string `json:"last"`
	Email string `json:"email"`
}

func (p helpscoutPerson) name() string { return strings.TrimSpace(p.First + " " + p.Last) }

type helpscoutThread struct {
	ID        flexID          `json:"id"`
	Type      string          `json:"type"` // customer, message, note, …
	Body      string          `json:"body"`
	CreatedAt string          `json:"createdAt"`
	CreatedBy helpscoutPerson `json:"createdBy"`
}

type helpscoutConversation struct {
	ID              flexID          `json:"id"`
	Number          flexID          `json:"number"`
	Preview         string          `json:"preview"`
	CreatedBy       helpscoutPerson `json:"createdBy"`
	PrimaryCustomer helpscoutPerson `json:"primaryCustomer"`
	Customer        helpscoutPerson `json:"customer"` // the older (v1) shape
	Tags            []json2Tag      `json:"tags"`
	Embedded        struct {
		Threads []helpscoutThread `json:"threads"`
	} `json:"_embedded"`
	Links struct {
		Web struct {
			Href string `json:"href"`
		} `json:"web"`
	} `json:"_links"`
}

// json2Tag is a Help Scout tag: {"tag": "vip"} in v2, a plain string in v1.
type json2Tag struct{ Name string }

func (t *json2Tag) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		err := decodeValue(b, &s)
		t.Name = s
		return err
	}
	var v struct {
		Tag  string `json:"tag"`
		Name string `json:"name"`
	}
	err := decodeValue(b, &v)
	t.Name = firstNonEmpty(v.Tag, v.Name)
	return err
}

func (helpscout) Parse(d domain.InboundDelivery) (domain.InboundEvent, error) {
	var c helpscoutConversation
	if err := decode(d.Body, &c); err != nil {
		return domain.InboundEvent{}, err
	}
	var f found
	for _, t := range c.Tags {
		f.tags(t.Name)
	}
	threads := c.Embedded.Threads // newest first, as Help Scout lists them
	for _, t := range threads {
		if t.Type == "note" {
			f.note(t.Body)
		}
	}
	first := c.Preview
	for i := len(threads) - 1; i >= 0; i-- {
		if threads[i].Type == "customer" {
			first = threads[i].Body
			break
		}
	}
	cust := c.PrimaryCustomer
	if cust.Email == "" && c.Customer.Email != "" {
		cust = c.Customer
	}
	if cust.Email == "" && c.CreatedBy.Type == "customer" && (cust.ID == "" || cust.ID == c.CreatedBy.ID) {
		cust.Email, cust.First, cust.Last = c.CreatedBy.Email, firstNonEmpty(cust.First, c.CreatedBy.First), firstNonEmpty(cust.Last, c.CreatedBy.Last)
		if cust.ID == "" {
			cust.ID = c.CreatedBy.ID
		}
	}
	url := c.Links.Web.Href
	if url == "" && c.ID != "" {
		url = fmt.Sprintf("https://secure.helpscout.net/conversation/%s", c.ID)
		if c.Number != "" {
			url += "/" + string(c.Number)
		}
	}
	return domain.InboundEvent{
		ConversationID: string(c.ID), References: f.refs,
		Email: cust.Email, Name: cust.name(), ExternalUserID: string(cust.ID),
		Quote: f.quote(first), ConversationURL: url,
	}, nil
}
