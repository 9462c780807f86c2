package webhooks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

var short = []time.Duration{50 * time.Millisecond, 50 * time.Millisecond, 50 * time.Millisecond,
	50 * time.Millisecond, 50 * time.Millisecond}

// verify checks a request as a receiver would: the Standard Webhooks signature
// over id, timestamp and body with the webhook's secret.
func verify(t *testing.T, r received, secret string) {
	t.Helper()
	id, ts := r.header.Get("webhook-id"), r.header.Get("webhook-timestamp")
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(n, 0)).Abs() > 5*time.Minute {
		t.Fatalf("webhook-timestamp %q is not now", ts)
	}
	want, err := Sign(secret, id, n, r.body)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.header.Get("webhook-signature"); !strings.Contains(" "+got+" ", " "+want+" ") {
		t.Fatalf("webhook-signature %q, want %q", got, want)
	}
}

func TestAReceiverFailingThreeTimesGetsTheEventOnceAsSucceeded(t *testing.T) {
	e := newEnv(t, Config{Retry: short, AllowPrivate: true})
	rcv := newReceiver(t, 500, 500, 500, 200)
	w := e.webhook(t, rcv.URL+"/hook", domain.WebhookStandard, domain.EventCardCreated)
	b := e.board(t)
	c := e.card(t, b, "Export to CSV")

	waitFor(t, 10*time.Second, "the delivery to succeed", func() bool {
		d := e.deliveries(t, w.ID)
		return len(d) == 1 && d[0].Status == domain.WebhookSucceeded
	})
	time.Sleep(200 * time.Millisecond) // nothing more may come
	got := rcv.requests()
	if len(got) != 4 {
		t.Fatalf("receiver got %d requests, want 4 (3 failures, 1 success)", len(got))
	}
	for _, r := range got {
		verify(t, r, w.Secret)
		if r.header.Get("webhook-id") != got[0].header.Get("webhook-id") || string(r.body) != string(got[0].body) {
			t.Errorf("a retry differs: id %q body %s, first %q %s", r.header.Get("webhook-id"), r.body,
				got[0].header.Get("webhook-id"), got[0].body)
		}
	}
	var msg struct {
		Type      string `json:"type"`
		Timestamp string `json:"timestamp"`
		Data      struct {
			Card struct {
				ID      string `json:"id"`
				Number  int64  `json:"number"`
				Title   string `json:"title"`
				BoardID string `json:"board_id"`
				Stage   string `json:"stage"`
				URL     string `json:"url"`
			} `json:"card"`
		} `json:"data"`
	}
	if err := json.Unmarshal(got[0].body, &msg); err != nil {
		t.Fatal(err)
	}
	if msg.Type != "card.created" || msg.Data.Card.ID != c.ID.String() || msg.Data.Card.Number != c.Number || c.Number == 0 || msg.Data.Card.Title != "Export to CSV" ||
		msg.Data.Card.BoardID != b.ID.String() || msg.Data.Card.Stage != "open" || !strings.Contains(msg.Data.Card.URL, c.ID.String()) {
		t.Errorf("payload %s", got[0].body)
	}
	if _, err := time.Parse(time.RFC3339Nano, msg.Timestamp); err != nil {
		t.Errorf("timestamp %q: %v", msg.Timestamp, err)
	}
	d := e.deliveries(t, w.ID)[0]
	if d.Attempts != 4 || d.LastStatus == nil || *d.LastStatus != 200 || d.LastError != "" || d.NextAttemptAt != nil {
		t.Errorf("delivery %+v", d)
	}
}

func TestAReceiverThatNeverAnswersEndsFailedAfterTheSchedule(t *testing.T) {
	e := newEnv(t, Config{Retry: short[:2], Timeout: 300 * time.Millisecond, AllowPrivate: true})
	rcv := newReceiver(t, 0)
	w := e.webhook(t, rcv.URL, domain.WebhookStandard, domain.EventCardCreated)
	e.card(t, e.board(t), "Dark mode")

	waitFor(t, 15*time.Second, "the delivery to fail", func() bool {
		d := e.deliveries(t, w.ID)
		return len(d) == 1 && d[0].Status == domain.WebhookFailed
	})
	d := e.deliveries(t, w.ID)[0]
	if d.Attempts != 3 || d.LastStatus != nil || !strings.Contains(d.LastError, "no answer") || d.NextAttemptAt != nil {
		t.Errorf("delivery %+v, want 3 attempts without an answer", d)
	}
	if n := len(rcv.requests()); n != 3 {
		t.Errorf("receiver got %d requests, want 3", n)
	}

	// A retry by hand starts a new round; still no answer, so it fails again.
	if _, err := e.svc.RetryWebhookDelivery(context.Background(), w.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 15*time.Second, "the retried delivery to fail again", func() bool {
		d := e.deliveries(t, w.ID)[0]
		return d.Status == domain.WebhookFailed && d.Attempts == 6
	})
}

func TestAnEventInARolledBackTransactionSendsNothing(t *testing.T) {
	e := newEnv(t, Config{Retry: short, AllowPrivate: true})
	rcv := newReceiver(t, 200)
	w := e.webhook(t, rcv.URL, domain.WebhookStandard, domain.EventCardCreated, domain.EventCardMoved)
	b := e.board(t)
	refused := errors.New("undo")
	err := e.svc.DB().WithTx(context.Background(), func(ctx context.Context) error {
		if _, err := e.svc.CreateCard(ctx, editor, b.ID, domain.NewCard{ColumnID: b.Columns[0].ID, Kind: domain.CardIdea, Title: "Never"}); err != nil {
			return err
		}
		return refused
	})
	if !errors.Is(err, refused) {
		t.Fatalf("transaction: %v", err)
	}
	// A committed change after it is delivered; by then the rolled-back one would have been too.
	e.card(t, b, "Committed")
	waitFor(t, 5*time.Second, "the committed event", func() bool { return len(rcv.requests()) == 1 })
	time.Sleep(300 * time.Millisecond)
	got := rcv.requests()
	if len(got) != 1 || !strings.Contains(string(got[0].body), "Committed") {
		t.Fatalf("receiver got %d requests (%s), want only the committed card", len(got), got[0].body)
	}
	if n := len(e.deliveries(t, w.ID)); n != 1 {
		t.Errorf("%d deliveries recorded, want 1", n)
	}
}

func TestSlackNamesTheCardItsBoardWhoShippedItAndHowManyAreEmailed(t *testing.T) {
	e := newEnv(t, Config{Retry: short, AllowPrivate: true})
	rcv := newReceiver(t, 200)
	e.webhook(t, rcv.URL, domain.WebhookSlack, domain.EventCardShipped)
	b := e.board(t)
	c := e.card(t, b, "Export to <CSV>")
	ctx := context.Background()
	for _, email := range []string{"maria@example.com", "li@example.com"} {
		if _, err := e.svc.LinkRequest(ctx, editor, c.ID, domain.LinkRequestInput{Email: email}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.MoveCard(ctx, editor, c.ID, domain.Move{ColumnID: b.Columns[len(b.Columns)-1].ID}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "the Slack message", func() bool { return len(rcv.requests()) == 1 })
	r := rcv.requests()[0]
	if r.header.Get("webhook-signature") != "" {
		t.Error("a Slack delivery is signed")
	}
	var msg map[string]string
	if err := json.Unmarshal(r.body, &msg); err != nil || len(msg) != 1 {
		t.Fatalf("body %s: %v", r.body, err)
	}
	text := msg["text"]
	for _, want := range []string{"Eddie Editor shipped", fmt.Sprintf("#%d ", c.Number), "Export to &lt;CSV&gt;", "*Roadmap*", "emailing 2 people", "?card=" + c.ID.String()} {
		if !strings.Contains(text, want) {
			t.Errorf("text %q lacks %q", text, want)
		}
	}
}

func TestOneDeliveryPerWebhookAndEvent(t *testing.T) {
	e := newEnv(t, Config{Retry: short, AllowPrivate: true})
	rcv := newReceiver(t, 200)
	w := e.webhook(t, rcv.URL, domain.WebhookStandard, domain.EventRequestLinked)
	other := e.webhook(t, rcv.URL+"/other", domain.WebhookStandard, domain.EventCardCreated)
	b := e.board(t)
	c := e.card(t, b, "SSO")
	if _, err := e.svc.LinkRequest(context.Background(), editor, c.ID, domain.LinkRequestInput{Email: "maria@example.com", Quote: "We need SSO"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "two deliveries", func() bool { return len(rcv.requests()) == 2 })
	if d := e.deliveries(t, w.ID); len(d) != 1 || d[0].EventType != domain.EventRequestLinked {
		t.Errorf("request.linked webhook log %+v", d)
	}
	if d := e.deliveries(t, other.ID); len(d) != 1 || d[0].EventType != domain.EventCardCreated {
		t.Errorf("card.created webhook log %+v", d)
	}
	for _, r := range rcv.requests() {
		if strings.Contains(string(r.body), "request.linked") &&
			(!strings.Contains(string(r.body), `"email":"maria@example.com"`) || !strings.Contains(string(r.body), `"quote":"We need SSO"`)) {
			t.Errorf("request.linked body %s", r.body)
		}
	}
}

func asDomain(err error, target **domain.Error) bool { return errors.As(err, target) }

func TestAnEmailThatFailsForGoodIsADeliveryFailedEvent(t *testing.T) {
	e := newEnv(t, Config{Retry: short, AllowPrivate: true, RelayInterval: 50 * time.Millisecond})
	rcv := newReceiver(t, 200)
	w := e.webhook(t, rcv.URL, domain.WebhookStandard, domain.EventDeliveryFailed)
	c := e.card(t, e.board(t), "Webhooks")
	link, err := e.svc.LinkRequest(context.Background(), editor, c.ID, domain.LinkRequestInput{Email: "gone@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	// What the notifier writes when the mail server refuses the mailbox for good.
	var id string
	err = e.db.QueryRow(`INSERT INTO deliveries (card_id, requester_id, kind, email, due_at) VALUES ($1, $2, 'shipped', 'gone@example.com', now())
		RETURNING id`, c.ID, link.Requester.ID).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second write changes nothing: one event
		if _, err := e.db.Exec(`UPDATE deliveries SET status = 'failed', due_at = NULL, last_error = '550 no such user' WHERE id = $1`, id); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, 5*time.Second, "the delivery.failed event", func() bool { return len(rcv.requests()) == 1 })
	time.Sleep(200 * time.Millisecond)
	got := rcv.requests()
	body := string(got[0].body)
	for _, want := range []string{`"type":"delivery.failed"`, `"email":"gone@example.com"`, `"last_error":"550 no such user"`, `"id":"` + id + `"`, c.ID.String()} {
		if !strings.Contains(body, want) {
			t.Errorf("body %s lacks %s", body, want)
		}
	}
	if len(got) != 1 || len(e.deliveries(t, w.ID)) != 1 {
		t.Errorf("%d requests, want 1", len(got))
	}
}

// The payload's facts are read with the webhooks, in the change's transaction: the
// column a card left and the one it is in, and the person linked with their name.
func TestSlackNamesTheColumnsOfAMoveAndThePersonLinked(t *testing.T) {
	e := newEnv(t, Config{Retry: short, AllowPrivate: true})
	rcv := newReceiver(t, 200)
	e.webhook(t, rcv.URL, domain.WebhookSlack, domain.EventCardMoved, domain.EventRequestLinked)
	b := e.board(t)
	c := e.card(t, b, "SSO")
	ctx := context.Background()
	if _, err := e.svc.MoveCard(ctx, editor, c.ID, domain.Move{ColumnID: b.Columns[1].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.LinkRequest(ctx, editor, c.ID, domain.LinkRequestInput{Email: "maria@example.com", Name: "Maria Garcia"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "two Slack messages", func() bool { return len(rcv.requests()) == 2 })
	var texts []string
	for _, r := range rcv.requests() {
		var msg map[string]string
		if err := json.Unmarshal(r.body, &msg); err != nil {
			t.Fatalf("body %s: %v", r.body, err)
		}
		texts = append(texts, msg["text"])
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		fmt.Sprintf("from %s to %s.", b.Columns[0].Name, b.Columns[1].Name),
		"Eddie Editor linked Maria Garcia to", "*Roadmap*",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("messages %q lack %q", all, want)
		}
	}
}
