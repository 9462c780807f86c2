package integrations

import (
	"encoding/base64"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

func parse(t *testing.T, kind, body string, header http.Header) domain.InboundEvent {
	t.Helper()
	tool, ok := Tools{}.Tool(kind)
	if !ok {
		t.Fatalf("no tool %s", kind)
	}
	ev, err := tool.Parse(domain.InboundDelivery{Header: header, Body: []byte(body), Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestIntercomShapes(t *testing.T) {
	older := `{"type":"notification_event","id":"notif_1","topic":"conversation.admin.noted","data":{"item":{"type":"conversation","id":"77",
"user":{"type":"user","id":"abc","user_id":"u-1","name":"Jane","email":"jane@example.com"},
"conversation_message":{"body":"<p>Dark&nbsp;mode <b>please</b></p>","author":{"type":"user","id":"abc"}},
"conversation_parts":{"conversation_parts":[{"part_type":"note","body":"<p>CLOSELOOP-12 she works nights</p>","author":{"type":"admin"}}]},
"links":{"conversation_web":"https://app.intercom.com/a/apps/x/conversations/77"}}}}`
	ev := parse(t, "intercom", older, nil)
	if ev.EventID != "notif_1" || ev.ConversationID != "77" || ev.Email != "jane@example.com" || ev.Name != "Jane" || ev.ExternalUserID != "u-1" ||
		!slices.Equal(ev.References, []int64{12}) || ev.Quote != "she works nights" || ev.ConversationURL != "https://app.intercom.com/a/apps/x/conversations/77" {
		t.Errorf("older shape: %+v", ev)
	}
	v2 := `{"type":"notification_event","id":"notif_2","topic":"conversation_part.tag.created","data":{"item":{"type":"conversation","id":"78",
"source":{"body":"<p>Dark mode please</p>","author":{"type":"user","id":"c1","email":""}},
"contacts":{"contacts":[{"type":"contact","id":"c1","external_id":"70"}]},
"tags_added":{"tags":[{"name":"closeloop-3"}]}}}}`
	ev = parse(t, "intercom", v2, nil)
	if ev.Email != "" || ev.ExternalUserID != "70" || !slices.Equal(ev.References, []int64{3}) || ev.Quote != "Dark mode please" {
		t.Errorf("2.x shape (contact ids only): %+v", ev)
	}
}

func TestZendeskAddsScheme(t *testing.T) {
	h := http.Header{}
	h.Set("X-Zendesk-Webhook-Invocation-Id", "inv-9")
	ev := parse(t, "zendesk", `{"ticket_id":"5","ticket_url":"acme.zendesk.com/agent/tickets/5","tags":"vip closeloop-8",
"ticket_description":"It is too bright","latest_comment":"thanks","requester_email":"a@example.com"}`, h)
	if ev.ConversationURL != "https://acme.zendesk.com/agent/tickets/5" || ev.EventID != "inv-9" || !slices.Equal(ev.References, []int64{8}) ||
		ev.Quote != "It is too bright" {
		t.Errorf("zendesk: %+v", ev)
	}
}

func TestHelpScoutTagsAndCustomer(t *testing.T) {
	ev := parse(t, "helpscout", `{"id":123,"number":15473,"preview":"Need help","createdBy":{"id":12,"type":"customer","email":"bear@acme.com"},
"primaryCustomer":{"id":12},"tags":[{"id":1,"tag":"closeloop-4"}],"_links":{"web":{"href":"https://secure.helpscout.net/conversation/123/15473"}}}`, nil)
	if ev.Email != "bear@acme.com" || ev.ConversationID != "123" || !slices.Equal(ev.References, []int64{4}) || ev.Quote != "Need help" {
		t.Errorf("helpscout: %+v", ev)
	}
	ev = parse(t, "helpscout", `{"id":124,"tags":["closeloop-5"],"customer":{"id":3,"first":"Ann","last":"Lee","email":"ann@example.com"}}`, nil)
	if ev.Email != "ann@example.com" || ev.Name != "Ann Lee" || !slices.Equal(ev.References, []int64{5}) ||
		ev.ConversationURL != "https://secure.helpscout.net/conversation/124" {
		t.Errorf("helpscout v1 tags: %+v", ev)
	}
}

func TestVerifySchemes(t *testing.T) {
	body := []byte(`{"a":1}`)
	now := time.Unix(1700000000, 0)
	h := http.Header{}
	h.Set("X-Zendesk-Webhook-Signature-Timestamp", "2023-11-14T22:13:20Z")
	h.Set("X-Zendesk-Webhook-Signature", encodeB64(mac(sha256New, []byte("s3cret"), []byte("2023-11-14T22:13:20Z"), body)))
	if err := (zendesk{}).Verify("s3cret", domain.InboundDelivery{Header: h, Body: body, Now: now}); err != nil {
		t.Errorf("zendesk signed now: %v", err)
	}
	if err := (zendesk{}).Verify("s3cret", domain.InboundDelivery{Header: h, Body: body, Now: now.Add(6 * time.Minute)}); err == nil {
		t.Error("zendesk 6 minutes later: accepted")
	}
	if err := (zendesk{}).Verify("other", domain.InboundDelivery{Header: h, Body: body, Now: now}); err == nil {
		t.Error("zendesk wrong secret: accepted")
	}
	b := http.Header{}
	b.Set("Authorization", "Basic YW55OnMzY3JldA==") // any:s3cret
	if err := (freshdesk{}).Verify("s3cret", domain.InboundDelivery{Header: b, Body: body}); err != nil {
		t.Errorf("freshdesk basic auth: %v", err)
	}
	if err := (freshdesk{}).Verify("s3cre", domain.InboundDelivery{Header: b, Body: body}); err == nil {
		t.Error("freshdesk wrong password: accepted")
	}
}

func encodeB64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
