package domain

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// Two requests linked at once to two cards of one board do not wait on each other:
// the board's version has a slot per database session (migrations/00650), so the
// second commits while the first is still open, and the version moved for both.
func TestLinksToOneBoardDoNotWaitOnEachOther(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	first, second := e.card(t, b, 0, "Dark mode"), e.card(t, b, 0, "Export")
	before, err := e.svc.CardsVersion(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}

	// The first link stays uncommitted until release is closed.
	release, firstDone := make(chan struct{}), make(chan error, 1)
	linked := make(chan int, 1) // the first session's slot
	go func() {
		firstDone <- e.svc.db.WithTx(ctx, func(ctx context.Context) error {
			if _, err := e.svc.LinkRequest(ctx, supportActor, first.ID, LinkRequestInput{Email: "ann@example.com"}); err != nil {
				return err
			}
			linked <- sessionSlot(ctx, t, e)
			<-release
			return nil
		})
	}()
	var slot int
	select {
	case slot = <-linked:
	case err := <-firstDone:
		t.Fatalf("first link: %v", err)
	}
	releaseFirst := sync.OnceFunc(func() { close(release) })
	defer releaseFirst()

	// The second link, in a session of another slot (a session of the same slot
	// would wait, as two sessions always did before 00650): sessions that collide are
	// held open so that the pool hands out another one.
	errCollides := errors.New("same slot")
	var held []chan struct{}
	defer func() {
		for _, h := range held {
			close(h)
		}
	}()
	for attempt := 0; ; attempt++ {
		if attempt == 6 {
			t.Fatal("no session of another slot in 6 tries")
		}
		hold, collided, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
		held = append(held, hold)
		go func() {
			lctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			done <- e.svc.db.WithTx(lctx, func(ctx context.Context) error {
				if sessionSlot(ctx, t, e) == slot {
					close(collided)
					<-hold
					return errCollides
				}
				_, err := e.svc.LinkRequest(ctx, supportActor, second.ID, LinkRequestInput{Email: "bob@example.com"})
				return err
			})
		}()
		select {
		case <-collided:
			continue
		case err := <-done:
			if err != nil {
				t.Fatalf("second link while the first is open: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the second link waited for the first: the board is locked by an open link")
		}
		break
	}
	releaseFirst()
	if err := <-firstDone; err != nil {
		t.Fatalf("first link: %v", err)
	}
	after, err := e.svc.CardsVersion(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after < before+2 {
		t.Errorf("version %d → %d after two links; want it to move by at least 2", before, after)
	}
}

// sessionSlot is the board-version slot of the transaction's session.
func sessionSlot(ctx context.Context, t *testing.T, e testEnv) int {
	var slot int
	if err := e.svc.db.conn(ctx).Raw(`SELECT pg_backend_pid() % 64`).Scan(&slot).Error; err != nil {
		t.Error(fmt.Errorf("slot: %w", err))
	}
	return slot
}
