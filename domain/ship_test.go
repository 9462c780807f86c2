package domain

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"

	"github.com/google/uuid"
)

// shipRecorder is a Notifier that writes each CardShipped call into shipped_log through
// the transaction it is given, the way the real notifier enqueues its job: a call in
// a transaction that rolls back leaves no row. It can be told to fail.
type shipRecorder struct {
	mu    sync.Mutex
	calls int
	fail  error
}

func (r *shipRecorder) CardShipped(ctx context.Context, tx *sql.Tx, cardID uuid.UUID) error {
	r.mu.Lock()
	r.calls++
	fail := r.fail
	r.mu.Unlock()
	if fail != nil {
		return fail
	}
	var title string
	if err := tx.QueryRowContext(ctx, `SELECT title FROM cards WHERE id = $1 AND shipped_at IS NOT NULL`, cardID).Scan(&title); err != nil {
		return err // the notifier must see the card already shipped, in the same transaction
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO shipped_log (card_id) VALUES ($1)`, cardID)
	return err
}

func (r *shipRecorder) RequesterJoinedShippedCard(context.Context, *sql.Tx, uuid.UUID, uuid.UUID) error {
	return nil
}

func newShipEnv(t *testing.T) (testEnv, *shipRecorder) {
	rec := &shipRecorder{}
	e := newTestEnv(t, rec)
	if err := e.db.Exec(`CREATE TABLE shipped_log (card_id uuid NOT NULL)`).Error; err != nil {
		t.Fatal(err)
	}
	return e, rec
}

func (e testEnv) shippedLog(t *testing.T, card uuid.UUID) int {
	return e.count(t, "SELECT count(*) FROM shipped_log WHERE card_id = ?", card)
}

func TestShipOnFirstMoveIntoDone(t *testing.T) {
	e, rec := newShipEnv(t)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 2, "Dark mode")
	done, inProgress := b.Columns[3].ID, b.Columns[2].ID

	shipped, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: done, ReleaseNote: refTo("Dark mode is here.")})
	if err != nil {
		t.Fatal(err)
	}
	if shipped.ShippedAt == nil || shipped.ReleaseNote != "Dark mode is here." {
		t.Fatalf("after the move into done: %+v", shipped)
	}
	first := *shipped.ShippedAt
	for _, to := range []uuid.UUID{inProgress, done, inProgress, done} {
		if _, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: to}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := e.svc.Card(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ShippedAt == nil || !got.ShippedAt.Equal(first) || got.ReleaseNote != "Dark mode is here." {
		t.Errorf("after moving out and back: shipped_at %v (first %v), note %q", got.ShippedAt, first, got.ReleaseNote)
	}
	if rec.calls != 1 || e.shippedLog(t, c.ID) != 1 {
		t.Errorf("notifier called %d times, %d committed; want 1", rec.calls, e.shippedLog(t, c.ID))
	}
	// A release note given on a move that does not ship is stored too.
	later, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: done, ReleaseNote: refTo("Now with a schedule.")})
	if err != nil || later.ReleaseNote != "Now with a schedule." || rec.calls != 1 {
		t.Errorf("note on a later move: %q, %v, %d calls", later.ReleaseNote, err, rec.calls)
	}
}

// If the notifier fails, or the transaction around the move rolls back, the card has
// not shipped: it stays where it was, and the next move into done ships it.
func TestShipRollsBack(t *testing.T) {
	e, rec := newShipEnv(t)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 2, "Dark mode")
	done := b.Columns[3].ID

	rec.fail = errors.New("queue unavailable")
	_, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: done, ReleaseNote: refTo("note")})
	if !errors.Is(err, rec.fail) {
		t.Fatalf("move with a failing notifier: %v", err)
	}
	rec.fail = nil
	abort := errors.New("abort")
	err = e.svc.DB().WithTx(ctx, func(ctx context.Context) error {
		if _, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: done}); err != nil {
			return err
		}
		return abort
	})
	if !errors.Is(err, abort) || rec.calls != 2 {
		t.Fatalf("outer transaction: %v, %d calls", err, rec.calls)
	}
	got, err := e.svc.Card(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ShippedAt != nil || got.ColumnID != c.ColumnID || got.Version != 1 || got.ReleaseNote != "" || e.shippedLog(t, c.ID) != 0 {
		t.Fatalf("rolled-back moves left traces: %+v, log %d", got, e.shippedLog(t, c.ID))
	}
	if n := e.count(t, "SELECT count(*) FROM activities WHERE card_id = ? AND action <> 'created'", c.ID); n != 0 {
		t.Errorf("%d activities of rolled-back moves", n)
	}
	if _, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: done}); err != nil {
		t.Fatal(err)
	}
	if e.shippedLog(t, c.ID) != 1 {
		t.Errorf("the move after the rollbacks did not ship the card")
	}
}

// Twenty people drop the same card into done at once: it ships once.
func TestConcurrentShipOnce(t *testing.T) {
	e, rec := newShipEnv(t)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 0, "Dark mode")
	var fns []func() error
	for range 20 {
		fns = append(fns, func() error {
			_, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[3].ID})
			return err
		})
	}
	for i, err := range runAll(fns) {
		if err != nil {
			t.Errorf("move %d: %v", i, err)
		}
	}
	if rec.calls != 1 || e.shippedLog(t, c.ID) != 1 {
		t.Errorf("notifier called %d times, %d committed; want 1", rec.calls, e.shippedLog(t, c.ID))
	}
}

// Archived cards can be moved (to empty a column) but do not ship.
func TestArchivedCardDoesNotShip(t *testing.T) {
	e, rec := newShipEnv(t)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 0, "Dark mode")
	if err := e.svc.ArchiveCard(ctx, editorActor, c.ID, nil); err != nil {
		t.Fatal(err)
	}
	moved, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[3].ID})
	if err != nil || moved.ShippedAt != nil || rec.calls != 0 {
		t.Errorf("archived card moved into done: %+v, %v, %d calls", moved, err, rec.calls)
	}
}
