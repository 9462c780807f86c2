package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// TestInboundLinksAfterTheAnswer: an event is answered `linked` once its row is
// committed, and its link is made after. Before the link is made, the same event (or
// another of the same conversation) is already a duplicate; a card archived, merged
// or deleted meanwhile, or a person erased meanwhile, is recorded on the event when the
// link comes to be made, and nothing is linked that should not be; each link is made
// exactly once.
func TestInboundLinksAfterTheAnswer(t *testing.T) {
	env := newTestAPI(t)
	env.stopLinker() // links are made below, by hand, when the test says
	ctx := context.Background()
	actor := domain.Actor{Name: "test", Role: domain.RoleAdmin}
	b := createBoardAPI(t, env, "After the answer")
	number := func(id uuid.UUID) int64 {
		c, err := env.svc.Card(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return c.Number
	}
	plain, archived, merged, into, deleted, other := createCardAPI(t, env, b, 0, "Plain"), createCardAPI(t, env, b, 0, "Archived"),
		createCardAPI(t, env, b, 0, "Merged"), createCardAPI(t, env, b, 0, "Into"), createCardAPI(t, env, b, 0, "Deleted"),
		createCardAPI(t, env, b, 0, "Other")
	integ := (&fixtures{t: t, env: env}).newIntegration("generic")
	post := func(msgID string, card uuid.UUID, email, conv string) (string, string) {
		t.Helper()
		body := fmt.Sprintf(`{"card":"closeloop-%d","email":%q,"quote":"Please","conversation_url":"https://crm.example.com/c/%s"}`,
			number(card), email, conv)
		req := signedGeneric(integ.ID, msgID, body, time.Now())
		status, raw := postHook(t, env, integ.ID, body, req.headers)
		mustStatus(t, status, http.StatusOK, raw)
		a := decode[struct{ Outcome, Detail string }](t, raw)
		return a.Outcome, a.Detail
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := env.db.Raw(q, args...).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}

	if out, detail := post("msg_1", plain.ID, "ada@example.com", "1"); out != domain.OutcomeLinked || !strings.Contains(detail, "linking") {
		t.Errorf("first event: %s %q, want linked (linking…)", out, detail)
	}
	if n := count(`SELECT count(*) FROM requests`); n != 0 {
		t.Errorf("%d requests before any link was made", n)
	}
	// Redelivered before its link is made: a duplicate, by event id and by conversation.
	if out, _ := post("msg_1", plain.ID, "ada@example.com", "1"); out != domain.OutcomeDuplicate {
		t.Errorf("the same event again before its link: %s, want duplicate", out)
	}
	if out, _ := post("msg_1b", plain.ID, "ada@example.com", "1"); out != domain.OutcomeDuplicate {
		t.Errorf("another event of the same conversation before its link: %s, want duplicate", out)
	}

	post("msg_2", archived.ID, "bo@example.com", "2")
	if err := env.svc.ArchiveCard(ctx, actor, archived.ID, nil); err != nil {
		t.Fatal(err)
	}
	post("msg_3", merged.ID, "cy@example.com", "3")
	if _, err := env.svc.MergeCard(ctx, actor, merged.ID, into.ID); err != nil {
		t.Fatal(err)
	}
	post("msg_4", deleted.ID, "di@example.com", "4")
	if err := env.svc.ArchiveCard(ctx, actor, deleted.ID, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.svc.DeleteCardForever(ctx, actor, deleted.ID, nil); err != nil {
		t.Fatal(err)
	}
	// A person who had asked before is erased while their event waits for its link.
	ed, err := env.svc.LinkRequest(ctx, actor, plain.ID, domain.LinkRequestInput{Email: "ed@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	post("msg_5", other.ID, "ed@example.com", "5")
	if err := env.svc.EraseRequester(ctx, actor, ed.Requester.ID); err != nil {
		t.Fatal(err)
	}

	n, err := env.svc.LinkPendingInbound(ctx)
	if err != nil || n != 4 {
		t.Fatalf("links made: %d %v, want 4 (the erased person's is not made)", n, err)
	}
	if n, err := env.svc.LinkPendingInbound(ctx); err != nil || n != 0 {
		t.Errorf("links made again: %d %v, want none", n, err)
	}
	detail := func(msgID string) (string, string) {
		t.Helper()
		var row struct{ Outcome, Detail string }
		if err := env.db.Raw(`SELECT outcome, detail FROM inbound_events WHERE external_id = ? AND outcome <> 'duplicate'`, msgID).Scan(&row).Error; err != nil {
			t.Fatal(err)
		}
		return row.Outcome, row.Detail
	}
	if out, d := detail("msg_1"); out != domain.OutcomeLinked || d != fmt.Sprintf("linked ada@example.com to closeloop-%d", number(plain.ID)) {
		t.Errorf("msg_1: %s %q", out, d)
	}
	if out, d := detail("msg_2"); out != domain.OutcomeUnknownCard || !strings.Contains(d, "archived before the link was made") {
		t.Errorf("msg_2 (card archived meanwhile): %s %q", out, d)
	}
	if out, d := detail("msg_3"); out != domain.OutcomeLinked || !strings.Contains(d, fmt.Sprintf("to closeloop-%d (closeloop-%d was merged into it)", number(into.ID), number(merged.ID))) {
		t.Errorf("msg_3 (card merged meanwhile): %s %q", out, d)
	}
	if out, d := detail("msg_4"); out != domain.OutcomeUnknownCard || !strings.Contains(d, "deleted before the link was made") {
		t.Errorf("msg_4 (card deleted meanwhile): %s %q", out, d)
	}
	if out, d := detail("msg_5"); d != "the person was erased" {
		t.Errorf("msg_5 (person erased meanwhile): %s %q", out, d)
	}
	for _, c := range []struct {
		card uuid.UUID
		want int
	}{{plain.ID, 1}, {archived.ID, 0}, {into.ID, 1}, {other.ID, 0}} {
		if n := count(`SELECT count(*) FROM requests WHERE card_id = ?`, c.card); n != c.want {
			t.Errorf("card %s: %d requests, want %d", c.card, n, c.want)
		}
	}
	if n := count(`SELECT count(*) FROM requesters WHERE email = 'ed@example.com'`); n != 0 {
		t.Errorf("the erased person is back (%d)", n)
	}
	if n := count(`SELECT count(*) FROM inbound_events WHERE link IS NOT NULL`); n != 0 {
		t.Errorf("%d links left", n)
	}

	// An integration deleted while its links wait: they are made first (its tool was
	// answered 2xx for them).
	post("msg_6", other.ID, "fay@example.com", "6")
	if err := env.svc.DeleteIntegration(ctx, integ.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(`SELECT count(*) FROM requests q JOIN requesters r ON r.id = q.requester_id WHERE r.email = 'fay@example.com' AND q.card_id = ?`, other.ID); n != 1 {
		t.Errorf("the link of an event of a deleted integration: %d requests, want 1", n)
	}
}

// TestInboundSecretRotatedElsewhere: a process remembers an integration's secret, and
// another replica rotates it (here: the stored secret changes under this process).
// A delivery signed with the old secret is refused from then on, and one signed with
// the new secret is taken.
func TestInboundSecretRotatedElsewhere(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Rotated")
	card := createCardAPI(t, env, b, 0, "Rotated")
	c, err := env.svc.Card(context.Background(), card.ID)
	if err != nil {
		t.Fatal(err)
	}
	integ := (&fixtures{t: t, env: env}).newIntegration("generic")
	send := func(secret, msgID string) int {
		t.Helper()
		body := fmt.Sprintf(`{"card":"closeloop-%d","email":"%s@example.com"}`, c.Number, msgID)
		req := signedGeneric(integ.ID, msgID, body, time.Now())
		if secret != testWhsec { // sign with another key
			key := strings.TrimPrefix(secret, "whsec_")
			req = signedGenericWith(key, integ.ID, msgID, body, time.Now())
		}
		status, _ := postHook(t, env, integ.ID, body, req.headers)
		return status
	}
	if st := send(testWhsec, "before"); st != http.StatusOK {
		t.Fatalf("before the rotation: %d", st)
	}
	const next = "whsec_" + "QW5vdGhlciBrZXksIDI0IGJ5dGVzIG9r" // "Another key, 24 bytes ok"
	if err := env.db.Exec(`UPDATE integrations SET secret = ? WHERE id = ?`, next, integ.ID).Error; err != nil {
		t.Fatal(err)
	}
	if st := send(testWhsec, "old"); st != http.StatusUnauthorized {
		t.Errorf("signed with the old secret after another replica rotated it: %d, want 401", st)
	}
	if st := send(next, "new"); st != http.StatusOK {
		t.Errorf("signed with the new secret: %d, want 200", st)
	}
	if st := send(testWhsec, "old2"); st != http.StatusUnauthorized {
		t.Errorf("signed with the old secret again: %d, want 401", st)
	}
}
