package domain

import (
	"context"
	"errors"
	"testing"
	"time"
)

// While InboundAnswerSlots answers use the database, the next one waits its turn (and
// records nothing if its caller gives up); it goes on once a slot is free.
func TestInboundAnswersWaitForASlot(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	card := e.card(t, e.board(t, "Inbound"), 0, "Slots")
	integ, err := e.svc.CreateIntegration(ctx, NewIntegration{Kind: "generic", Name: "CRM"})
	if err != nil {
		t.Fatal(err)
	}
	ev := InboundEvent{EventID: "msg_1", References: []int64{card.Number}, Email: "slot@example.com"}
	for range InboundAnswerSlots {
		if err := e.svc.inbound.enter(ctx); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := e.svc.RecordInbound(short, integ, ev); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("with every slot taken: %v, want the caller's deadline", err)
	}
	if n := e.count(t, `SELECT count(*) FROM inbound_events`); n != 0 {
		t.Fatalf("%d events recorded while waiting for a slot, want 0", n)
	}
	e.svc.ForgetIntegration(integ.ID)
	if _, err := e.svc.IntegrationWithSecret(short, integ.ID); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("reading the secret with every slot taken: %v, want the caller's deadline", err)
	}
	done := make(chan error, 1)
	go func() {
		res, err := e.svc.RecordInbound(ctx, integ, ev)
		if err == nil && res.Outcome != OutcomeLinked {
			err = errors.New("outcome " + res.Outcome)
		}
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("answered (%v) before a slot was free", err)
	case <-time.After(50 * time.Millisecond):
	}
	e.svc.inbound.leave()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting after a slot was freed")
	}
	if n := e.count(t, `SELECT count(*) FROM inbound_events WHERE outcome = 'linked'`); n != 1 {
		t.Fatalf("%d events recorded, want 1", n)
	}
}
