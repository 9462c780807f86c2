package notify

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// Every requester of a shipped card gets exactly one email, and nothing that happens
// afterwards (the card leaving done and coming back does not call CardShipped; a
// duplicate CardShipped, say from a retried request) sends a second one.
func TestShippedCardEmailsEveryRequesterOnce(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Dark mode", "Settings → Appearance → Dark.")
	const n = 120
	e.requesters(card, "asker", n)

	e.ship(card)
	e.settle(card, n, 20*time.Second)

	if got := e.statuses(card); got["sent"] != n {
		t.Fatalf("statuses = %v, want %d sent", got, n)
	}
	for i := 1; i <= n; i++ {
		if got := e.sink.Count(addressOf("asker", i)); got != 1 {
			t.Errorf("%s received %d emails, want 1", addressOf("asker", i), got)
		}
	}
	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'sent'
AND attempts = 1 AND sent_at IS NOT NULL AND message_id <> '' AND due_at IS NULL`, card); got != n {
		t.Errorf("%d sent deliveries have attempts, sent_at and message_id recorded, want %d", got, n)
	}

	// Shipped again (a retried request, a second mover): the unique deliveries collapse it.
	e.ship(card)
	time.Sleep(700 * time.Millisecond) // ample for a fan-out and a send round
	if got := e.sink.Total(); got != n {
		t.Errorf("after a second CardShipped the sink has %d emails, want still %d", got, n)
	}
	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1`, card); got != n {
		t.Errorf("%d deliveries, want %d", got, n)
	}
}

// Two moves into done committing at the same time send once.
func TestConcurrentShipsSendOnce(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Export to CSV", "")
	const n = 300
	e.requesters(card, "csv", n)

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.inTx(func(tx *sql.Tx) error { return e.svc.CardShipped(context.Background(), tx, card) })
		}()
	}
	wg.Wait()
	e.settle(card, n, 20*time.Second)
	time.Sleep(300 * time.Millisecond)

	if got := e.sink.Total(); got != n {
		t.Errorf("sink received %d emails for %d requesters", got, n)
	}
	for addr, got := range e.sink.Counts() {
		if got != 1 {
			t.Errorf("%s received %d emails", addr, got)
		}
	}
}

// A move that rolls back leaves no job, no delivery, no email.
func TestRolledBackShipSendsNothing(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Undo", "")
	e.requesters(card, "undo", 5)

	tx, err := e.sql.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.CardShipped(context.Background(), tx, card); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if got := e.count(`SELECT count(*) FROM river_job`); got != 0 {
		t.Errorf("%d River jobs after a rolled-back ship", got)
	}
	if got := e.count(`SELECT count(*) FROM deliveries`); got != 0 {
		t.Errorf("%d deliveries after a rolled-back ship", got)
	}
	if got := e.sink.Total(); got != 0 {
		t.Errorf("%d emails after a rolled-back ship", got)
	}
}

// A requester linked after the card shipped gets their one email; being linked again
// (or the card's own fan-out reaching them) sends nothing more.
func TestLateRequesterGetsOneEmail(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Calendar sync", "")
	e.requesters(card, "early", 3)
	e.ship(card)
	e.settle(card, 3, 10*time.Second)

	late := e.requesters(card, "late", 1)[0]
	joined := func() {
		e.inTx(func(tx *sql.Tx) error {
			return e.svc.RequesterJoinedShippedCard(context.Background(), tx, card, late)
		})
	}
	joined()
	e.settle(card, 4, 10*time.Second)
	joined()
	e.ship(card)
	time.Sleep(700 * time.Millisecond)

	if got := e.sink.Count(addressOf("late", 1)); got != 1 {
		t.Errorf("late requester received %d emails, want 1", got)
	}
	if got := e.sink.Total(); got != 4 {
		t.Errorf("sink received %d emails, want 4", got)
	}
}

// A fan-out longer than one job's time slice continues in new jobs, each after the
// last requester the previous one did, and nobody is skipped or emailed twice.
func TestLongFanoutContinuesInNewJobs(t *testing.T) {
	defer func(d time.Duration) { fanoutSlice = d }(fanoutSlice)
	fanoutSlice = 0 // continue after every thousand requesters
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Sliced", "")
	const n = 2500
	e.requesters(card, "slice", n)
	e.ship(card)
	e.settle(card, n, 30*time.Second)
	if got := e.count(`SELECT count(*) FROM river_job WHERE kind = 'closeloop_fanout' AND state = 'completed'`); got != 3 {
		t.Errorf("%d fan-out jobs completed, want 3 (1,000 + 1,000 + 500 requesters)", got)
	}
	if got := e.sink.Total(); got != n {
		t.Errorf("sink accepted %d, want %d", got, n)
	}
	for addr, c := range e.sink.Counts() {
		if c != 1 {
			t.Errorf("%s received %d emails", addr, c)
		}
	}
}
