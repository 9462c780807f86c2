package domain_test

import (
	"context"
	"sync"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// A move into planned with notify emails every requester once; out and back again
// emails nobody twice; a move without notify emails nobody; two concurrent moves into
// in progress email each person once; declined carries the move's note.
func TestStatusEmailsOncePerCardRequesterAndKind(t *testing.T) {
	w := newShipWorld(t)
	ctx := context.Background()
	cols := w.board.Columns // open, planned, in progress, done (newShipWorld's default board)
	a := w.card("Offline mode", "ann", "bob")
	move := func(col int, notify bool, note string) {
		t.Helper()
		m := domain.Move{ColumnID: cols[col].ID, Notify: notify}
		if note != "" {
			m.Note = &note
		}
		if _, err := w.svc.MoveCard(ctx, shipEditor, a, m); err != nil {
			t.Fatal(err)
		}
	}
	move(0, true, "") // open: no email kind
	move(1, false, "")
	if got := w.count(`SELECT count(*) FROM deliveries WHERE card_id = ?`, a); got != 0 {
		t.Fatalf("%d deliveries before any notify", got)
	}
	move(0, false, "")
	move(1, true, "Planned for the spring.")
	w.settle(a, 2)
	move(0, true, "")
	move(1, true, "Again")
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := w.svc.MoveCard(ctx, shipEditor, a, domain.Move{ColumnID: cols[2].ID, Notify: true}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	w.settle(a, 4)
	w.emailed(map[string]int{"ann": 2, "bob": 2})
	for _, kind := range []string{"planned", "in_progress"} {
		if got := w.count(`SELECT count(*) FROM deliveries WHERE card_id = ? AND kind = ? AND status = 'sent'`, a, kind); got != 2 {
			t.Errorf("%d sent %s deliveries, want 2", got, kind)
		}
	}
	if got := w.count(`SELECT count(*) FROM river_job WHERE kind = 'closeloop_fanout'`); got > 8 {
		t.Errorf("%d fan-out jobs for 4 notifying moves", got)
	}
}
