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

// With every slot taken and InboundAnswerWaiters answers waiting, one more is refused at
// once (ErrInboundBusy, a 429) and records nothing; the waiting one still goes on.
func TestInboundAnswersRefusedWhenTooManyWait(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	card := e.card(t, e.board(t, "Inbound"), 0, "Waiters")
	integ, err := e.svc.CreateIntegration(ctx, NewIntegration{Kind: "generic", Name: "CRM"})
	if err != nil {
		t.Fatal(err)
	}
	was := InboundAnswerWaiters
	InboundAnswerWaiters = 1
	t.Cleanup(func() { InboundAnswerWaiters = was })
	for range InboundAnswerSlots {
		if err := e.svc.inbound.enter(ctx); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := e.svc.RecordInbound(ctx, integ, InboundEvent{EventID: "msg_1", References: []int64{card.Number}, Email: "first@example.com"})
		done <- err
	}()
	for deadline := time.Now().Add(10 * time.Second); e.svc.inbound.waiting.Load() != 1; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first answer never waited for a slot")
		}
	}
	short, cancel := context.WithTimeout(ctx, 5*time.Second) // a refusal does not wait
	defer cancel()
	_, err = e.svc.RecordInbound(short, integ, InboundEvent{EventID: "msg_2", References: []int64{card.Number}, Email: "second@example.com"})
	if !errors.Is(err, ErrInboundBusy) || KindOf(err) != KindRateLimited {
		t.Fatalf("with a slot's waiter already there: %v, want ErrInboundBusy", err)
	}
	e.svc.ForgetIntegration(integ.ID)
	if _, err := e.svc.IntegrationWithSecret(short, integ.ID); !errors.Is(err, ErrInboundBusy) {
		t.Fatalf("reading the secret with a waiter already there: %v, want ErrInboundBusy", err)
	}
	for range InboundAnswerSlots {
		e.svc.inbound.leave()
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting answer never got a slot")
	}
	if n := e.count(t, `SELECT count(*) FROM inbound_events`); n != 1 {
		t.Fatalf("%d events recorded, want only the one that waited", n)
	}
	if got := e.svc.inbound.waiting.Load(); got != 0 {
		t.Fatalf("%d still counted as waiting", got)
	}
}
