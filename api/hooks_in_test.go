package api

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // the tools' own scheme
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// joinCounter counts late requesters of shipped cards (the shipped email's trigger).
type joinCounter struct {
	shipCounter
	mu     sync.Mutex
	joined []uuid.UUID
}

func (n *joinCounter) RequesterJoinedShippedCard(_ context.Context, tx *sql.Tx, cardID, _ uuid.UUID) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if tx != nil {
		n.joined = append(n.joined, cardID)
	}
	return nil
}

// inboundTool is one kind's test: how it signs and what its payloads look like, in the
// tool's own shape. ref is "closeloop-N", email "" for a payload naming no customer.
type inboundTool struct {
	kind   string
	secret string
	stamps bool // the signature covers a timestamp (5-minute window)
	sign   func(secret string, body []byte, at time.Time) []string
	event  func(id, conversation, ref, email string) string
}

func hmacB64(h func() hash.Hash, key, msg []byte) string {
	m := hmac.New(h, key)
	m.Write(msg)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

var inboundTools = []inboundTool{
	{kind: "intercom", secret: "intercom-client-secret",
		sign: func(secret string, body []byte, _ time.Time) []string {
			m := hmac.New(sha1.New, []byte(secret))
			m.Write(body)
			return []string{"X-Hub-Signature", "sha1=" + hex.EncodeToString(m.Sum(nil))}
		},
		// The older notification shape: the customer is inline (data.item.user); the
		// agent's note names the card. No email ⇒ the 2.x shape (contact ids only).
		event: func(id, conv, ref, email string) string {
			if email == "" {
				return `{"type":"notification_event","app_id":"abc123","id":"notif_` + id + `","topic":"conversation_part.tag.created",` +
					`"delivery_attempts":1,"created_at":1700000000,"data":{"type":"notification_event_data","item":{"type":"conversation","id":"` + conv + `",` +
					`"source":{"type":"conversation","id":"403918330","delivered_as":"customer_initiated","body":"<p>Dark mode please</p>",` +
					`"author":{"type":"user","id":"6762f0dd1bb69f9f2193bb7f","name":"","email":""}},` +
					`"contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"6762f0dd1bb69f9f2193bb7f","external_id":"70"}]},` +
					`"tags":{"type":"tag.list","tags":[{"type":"tag","id":"123456","name":"` + ref + `"}]},` +
					`"tags_added":{"type":"tag.list","tags":[{"type":"tag","id":"123456","name":"` + ref + `"}]},` +
					`"links":{"conversation_web":"https://app.intercom.com/a/apps/abc123/conversations/` + conv + `"}}}}`
			}
			return `{"type":"notification_event","app_id":"abc123","id":"notif_` + id + `","topic":"conversation.admin.noted",` +
				`"delivery_attempts":1,"created_at":1700000000,"data":{"type":"notification_event_data","item":{"type":"conversation","id":"` + conv + `",` +
				`"user":{"type":"user","id":"5310d8e7598c9a0b24000002","user_id":"u-77","name":"Jane Doe","email":` + jsonText(email) + `},` +
				`"conversation_message":{"type":"conversation_message","id":"1","subject":"","body":"<p>I work at night &amp; the glare hurts</p>",` +
				`"author":{"type":"user","id":"5310d8e7598c9a0b24000002"}},` +
				`"conversation_parts":{"type":"conversation_part.list","conversation_parts":[{"type":"conversation_part","id":"2","part_type":"note",` +
				`"body":"<p>` + ref + `</p>","author":{"type":"admin","id":"99","name":"Pat"}}],"total_count":1},` +
				`"tags":{"type":"tag.list","tags":[]},` +
				`"links":{"conversation_web":"https://app.intercom.com/a/apps/abc123/conversations/` + conv + `"}}}}`
		}},
	{kind: "zendesk", secret: "zendesk-signing-secret", stamps: true,
		sign: func(secret string, body []byte, at time.Time) []string {
			ts := at.UTC().Format(time.RFC3339)
			return []string{"X-Zendesk-Webhook-Signature", hmacB64(sha256.New, []byte(secret), append([]byte(ts), body...)),
				"X-Zendesk-Webhook-Signature-Timestamp", ts}
		},
		event: func(id, conv, ref, email string) string {
			return `{"ticket_id":"` + conv + `","ticket_title":"Dark mode","ticket_description":"I work at night and the glare hurts",` +
				`"ticket_url":"acme.zendesk.com/agent/tickets/` + conv + `","link":"https://acme.zendesk.com/agent/tickets/` + conv + `",` +
				`"requester_email":` + jsonText(email) + `,"requester_full_name":"Jane Doe","tags":"vip ` + ref + `","latest_comment":"Thanks!"}`
		}},
	{kind: "freshdesk", secret: "freshdesk-password",
		sign: func(secret string, _ []byte, _ time.Time) []string {
			return []string{"Authorization", "Basic " + base64.StdEncoding.EncodeToString([]byte("closeloop:"+secret))}
		},
		event: func(id, conv, ref, email string) string {
			return `{"freshdesk_webhook":{"triggered_event":"{ticket_action:updated}","ticket_id":"` + conv + `",` +
				`"ticket_url":"https://acme.freshdesk.com/helpdesk/tickets/` + conv + `","ticket_subject":"Dark mode",` +
				`"ticket_description":"<div>I work at night and the glare hurts</div>","ticket_tags":"vip",` +
				`"ticket_latest_public_comment":"We logged this as ` + ref + `, the night shift needs it","requester_name":"Jane Doe",` +
				`"requester_email":` + jsonText(email) + `}}`
		}},
	{kind: "helpscout", secret: "helpscout-key",
		sign: func(secret string, body []byte, _ time.Time) []string {
			return []string{"X-HelpScout-Signature", hmacB64(sha1.New, []byte(secret), body), "X-HelpScout-Event", "convo.tags"}
		},
		event: func(id, conv, ref, email string) string {
			createdBy := `{"id":12,"type":"customer","email":` + jsonText(email) + `}`
			return `{"id":` + conv + `,"number":15473,"threads":2,"type":"email","folderId":493,"status":"active","state":"published",` +
				`"subject":"Dark mode","preview":"I work at night and the glare hurts","mailboxId":85,` +
				`"createdBy":` + createdBy + `,"createdAt":"2024-04-21T14:39:56Z",` +
				`"tags":[{"id":9150,"color":"#929499","tag":"vip"},{"id":9151,"color":"#929499","tag":"` + ref + `"}],` +
				`"primaryCustomer":{"id":12},"customFields":[],` +
				`"_links":{"threads":{"href":"https://api.helpscout.net/v2/conversations/` + conv + `/threads"},` +
				`"web":{"href":"https://secure.helpscout.net/conversation/` + conv + `/15473"}}}`
		}},
	{kind: "front", secret: "front-app-secret",
		sign: func(secret string, body []byte, _ time.Time) []string {
			return []string{"X-Front-Signature", hmacB64(sha1.New, []byte(secret), body)}
		},
		event: func(id, conv, ref, email string) string {
			return `{"_links":{"self":"https://acme.api.frontapp.com/events/evt_` + id + `"},"id":"evt_` + id + `","type":"tag","emitted_at":1700000000.1,` +
				`"conversation":{"id":"cnv_` + conv + `","subject":"Dark mode","status":"assigned",` +
				`"recipient":{"handle":` + jsonText(email) + `,"role":"from","name":"Jane Doe","_links":{"related":{"contact":"https://acme.api.frontapp.com/contacts/crd_1"}}},` +
				`"tags":[{"id":"tag_1","name":"` + ref + `"}]},` +
				`"source":{"_meta":{"type":"teammate"},"data":{"id":"tea_1","email":"pat@acme.test"}},` +
				`"target":{"_meta":{"type":"tag"},"data":{"id":"tag_1","name":"` + ref + `"}}}`
		}},
	{kind: "generic", secret: testWhsec, stamps: true,
		sign: func(secret string, body []byte, at time.Time) []string {
			key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
			id, ts := "msg_"+hex.EncodeToString(body[:min(len(body), 6)])+strconv.Itoa(len(body)), strconv.FormatInt(at.Unix(), 10)
			return []string{"webhook-id", id, "webhook-timestamp", ts,
				"webhook-signature", "v1," + hmacB64(sha256.New, key, []byte(id+"."+ts+"."+string(body)))}
		},
		event: func(id, conv, ref, email string) string {
			return `{"card":"` + ref + `","email":` + jsonText(email) + `,"name":"Jane Doe","quote":"I work at night",` +
				`"conversation_url":"https://crm.example.com/conversations/` + conv + `","external_id":"` + id + `"}`
		}},
}

// tableCounts is what a delivery may write, table by table.
func tableCounts(t *testing.T, env *testAPI) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"inbound_events", "requests", "requesters", "conversations", "deliveries", "activities", "cards"} {
		var n int
		if err := env.db.Raw("SELECT count(*) FROM " + table).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// changed lists the tables whose counts moved, with by how much.
func changed(before, after map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range after {
		if v != before[k] {
			out[k] = v - before[k]
		}
	}
	return out
}

func sameChanges(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

func postHook(t *testing.T, env *testAPI, integrationID uuid.UUID, body string, headers []string) (int, []byte) {
	t.Helper()
	return env.call(t, "", "POST", "/api/v1/hooks/in/"+integrationID.String(), body, append([]string{"Content-Type", "application/json"}, headers...)...)
}

// TestInboundPerTool: for each tool, a signed event links; the same event again
// changes nothing (duplicate), and so does a payload without email sent again; a wrong or missing signature, a stale timestamp, a card
// that does not exist, a payload without email and one without reference each give
// the contract's outcome and write nothing else.
func TestInboundPerTool(t *testing.T) {
	joins := &joinCounter{}
	env := newTestAPI(t, joins)
	b := createBoardAPI(t, env, "Inbound")
	for i, tool := range inboundTools {
		t.Run(tool.kind, func(t *testing.T) {
			status, raw := env.call(t, domain.RoleAdmin, "POST", "/api/v1/integrations", map[string]string{"kind": tool.kind, "name": tool.kind, "secret": tool.secret})
			mustStatus(t, status, http.StatusCreated, raw)
			integ := decode[struct {
				ID  uuid.UUID `json:"id"`
				URL string    `json:"url"`
			}](t, raw)
			if !strings.HasSuffix(integ.URL, "/api/v1/hooks/in/"+integ.ID.String()) || !strings.HasPrefix(integ.URL, "http") {
				t.Errorf("url %q is not absolute <base>/api/v1/hooks/in/<id>", integ.URL)
			}
			card := createCardAPI(t, env, b, 0, "Dark mode "+tool.kind)
			var number struct{ Number int64 }
			_, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/cards/"+card.ID.String(), nil)
			number = decode[struct{ Number int64 }](t, raw)
			ref := fmt.Sprintf("closeloop-%d", number.Number)
			email := fmt.Sprintf("jane.%s@example.com", tool.kind)
			conv := strconv.Itoa(9000 + i)
			now := time.Now()

			expect := func(name, body string, headers []string, wantStatus int, wantOutcome string, want map[string]int) []byte {
				t.Helper()
				before := tableCounts(t, env)
				status, raw := postHook(t, env, integ.ID, body, headers)
				if status != wantStatus {
					t.Fatalf("%s: status %d, want %d: %s", name, status, wantStatus, raw)
				}
				if wantOutcome != "" {
					if got := decode[struct{ Outcome string }](t, raw); got.Outcome != wantOutcome {
						t.Errorf("%s: outcome %q, want %q: %s", name, got.Outcome, wantOutcome, raw)
					}
				} else if code := decode[ErrorBody](t, raw).Error.Code; wantStatus == 401 && code != "bad_signature" {
					t.Errorf("%s: error code %q, want bad_signature", name, code)
				}
				if got := changed(before, tableCounts(t, env)); !sameChanges(got, want) {
					t.Errorf("%s: changed %v, want %v", name, got, want)
				}
				return raw
			}
			event := tool.event("e1-"+tool.kind, conv, ref, email)
			linkedChanges := map[string]int{"inbound_events": 1, "requests": 1, "requesters": 1, "conversations": 1, "activities": 1}
			expect("signed event", event, tool.sign(tool.secret, []byte(event), now), 200, domain.OutcomeLinked, linkedChanges)
			expect("the same event again", event, tool.sign(tool.secret, []byte(event), now), 200, domain.OutcomeDuplicate, map[string]int{"inbound_events": 1})

			// What was linked: the person, their words, the conversation.
			_, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/cards/"+card.ID.String()+"/requests", nil)
			reqs := decode[struct {
				Items []struct {
					Requester struct{ Email, Name string }
					Quote     string
					Source    string
				}
			}](t, raw)
			if len(reqs.Items) != 1 || reqs.Items[0].Requester.Email != email || reqs.Items[0].Quote == "" || strings.Contains(reqs.Items[0].Quote, "<") ||
				strings.Contains(strings.ToLower(reqs.Items[0].Quote), "closeloop-") {
				t.Errorf("requests of the card: %s", raw)
			} else if want := map[string]string{"generic": "other"}[tool.kind]; reqs.Items[0].Source != tool.kind && reqs.Items[0].Source != want {
				t.Errorf("source %q, want %q", reqs.Items[0].Source, tool.kind)
			}

			nothing := map[string]int{}
			other := tool.event("e2-"+tool.kind, conv+"1", ref, "other."+email)
			wrongSecret := "not-" + tool.secret
			if tool.kind == "generic" {
				wrongSecret = "whsec_" + base64.StdEncoding.EncodeToString([]byte("another key, 24 bytes ok"))
			}
			wrong := tool.sign(wrongSecret, []byte(other), now)
			expect("wrong signature", other, wrong, 401, "", nothing)
			expect("missing signature", other, nil, 401, "", nothing)
			if tool.kind != "freshdesk" { // Basic auth signs no body
				tampered := tool.sign(tool.secret, []byte(other), now)
				expect("altered body", strings.Replace(other, "other.", "evil.", 1), tampered, 401, "", nothing)
			}
			if tool.stamps {
				old := now.Add(-6 * time.Minute)
				expect("stale timestamp", other, tool.sign(tool.secret, []byte(other), old), 401, "", nothing)
			}
			expect("malformed JSON", "{not json", tool.sign(tool.secret, []byte("{not json"), now), 400, "", nothing)

			unknown := tool.event("e3-"+tool.kind, conv+"2", "closeloop-999999", email)
			expect("unknown card", unknown, tool.sign(tool.secret, []byte(unknown), now), 200, domain.OutcomeUnknownCard, map[string]int{"inbound_events": 1})
			noEmail := tool.event("e4-"+tool.kind, conv+"3", ref, "")
			expect("no email", noEmail, tool.sign(tool.secret, []byte(noEmail), now), 200, domain.OutcomeUnmatched, map[string]int{"inbound_events": 1})
			// Sent again (Help Scout and Freshdesk give no event id): a duplicate, not a
			// second line to link by hand; the conversation's next event, naming the
			// customer's email, links.
			again := expect("no email again", noEmail, tool.sign(tool.secret, []byte(noEmail), now), 200, domain.OutcomeDuplicate, map[string]int{"inbound_events": 1})
			if detail := decode[struct{ Detail string }](t, again).Detail; !strings.Contains(detail, "received before (unmatched)") &&
				!strings.Contains(detail, "waiting to be linked to "+ref) || strings.Contains(detail, "event  ") {
				t.Errorf("no email again: detail %q", detail)
			}
			withEmail := tool.event("e6-"+tool.kind, conv+"3", ref, "later."+email)
			expect("the conversation with an email", withEmail, tool.sign(tool.secret, []byte(withEmail), now), 200, domain.OutcomeLinked, linkedChanges)
			noRef := tool.event("e5-"+tool.kind, conv+"4", "vip", email)
			expect("no reference", noRef, tool.sign(tool.secret, []byte(noRef), now), 200, domain.OutcomeNoReference, map[string]int{"inbound_events": 1})

			// The event log has every recorded event, newest first, with its outcome.
			_, raw = env.call(t, domain.RoleAdmin, "GET", "/api/v1/integrations/"+integ.ID.String()+"/events", nil)
			log := decode[struct {
				Items []struct {
					Outcome string `json:"outcome"`
				}
			}](t, raw)
			if len(log.Items) != 7 {
				t.Errorf("event log: %s", raw)
			}
		})
	}
}

// TestInboundRefusals: an unknown integration is 404, a body above 1 MiB 413; each
// records nothing but its counter. A reference to a shipped card sends the shipped
// email at once (a late requester); two copies of one event at once link once.
func TestInboundRefusals(t *testing.T) {
	joins := &joinCounter{}
	env := newTestAPI(t, joins)
	b := createBoardAPI(t, env, "Refusals")
	card := createCardAPI(t, env, b, 0, "Shipped thing")
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/cards/"+card.ID.String()+"/move",
		map[string]any{"column_id": b.Columns[len(b.Columns)-1].ID, "release_note": "Done"})
	mustStatus(t, status, http.StatusOK, raw)
	number := decode[struct{ Number int64 }](t, raw).Number
	f := &fixtures{t: t, env: env}
	integ := f.newIntegration("generic")

	before := tableCounts(t, env)
	body := fmt.Sprintf(`{"card":"closeloop-%d","email":"late@example.com"}`, number)
	req := signedGeneric(uuid.New(), "msg_1", body, time.Now())
	status, raw = postHook(t, env, uuid.MustParse(strings.TrimPrefix(req.path, "/api/v1/hooks/in/")), body, req.headers)
	mustStatus(t, status, http.StatusNotFound, raw)
	status, raw = env.call(t, "", "POST", "/api/v1/hooks/in/not-an-id", body, "Content-Type", "application/json")
	mustStatus(t, status, http.StatusNotFound, raw)
	big := `{"card":"closeloop-1","email":"a@example.com","quote":"` + strings.Repeat("x", 1<<20) + `"}`
	req = signedGeneric(integ.ID, "msg_big", big, time.Now())
	status, raw = postHook(t, env, integ.ID, big, req.headers)
	mustStatus(t, status, http.StatusRequestEntityTooLarge, raw)
	if got := changed(before, tableCounts(t, env)); len(got) != 0 {
		t.Errorf("refused deliveries wrote %v", got)
	}

	// Two copies of one event at once: one link, one duplicate.
	req = signedGeneric(integ.ID, "msg_late", body, time.Now())
	var wg sync.WaitGroup
	outcomes := make([]string, 2)
	for i := range outcomes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, raw := postHook(t, env, integ.ID, body, req.headers)
			if status != http.StatusOK {
				t.Errorf("copy %d: %d %s", i, status, raw)
			}
			outcomes[i] = decode[struct{ Outcome string }](t, raw).Outcome
		}()
	}
	wg.Wait()
	if slices.Sort(outcomes); outcomes[0] != "duplicate" || outcomes[1] != "linked" {
		t.Errorf("two copies at once: %v, want one linked and one duplicate", outcomes)
	}
	joins.mu.Lock()
	if len(joins.joined) != 1 || joins.joined[0] != card.ID {
		t.Errorf("late requester of the shipped card: %v, want the shipped email once", joins.joined)
	}
	joins.mu.Unlock()

	_, metrics := env.call(t, "", "GET", "/metrics", nil)
	for _, line := range []string{`closeloop_inbound_events_total{outcome="unknown_integration"} 2`, `closeloop_inbound_events_total{outcome="too_large"} 1`,
		`closeloop_inbound_events_total{outcome="linked"} 1`, `closeloop_inbound_events_total{outcome="duplicate"} 1`} {
		if !bytes.Contains(metrics, []byte(line)) {
			t.Errorf("/metrics lacks %s", line)
		}
	}
}
