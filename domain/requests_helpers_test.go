package domain

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"

	"github.com/google/uuid"
)

var supportActor = Actor{MemberID: uuid.MustParse("00000000-0000-7000-8000-000000000001"), Name: "Sam Support", Role: RoleSupport}

// cardInStage inserts a board with one column of the given stage and a card in it, with plain
// SQL, so these tests do not depend on the cards use cases.
func (e testEnv) cardInStage(t *testing.T, stage string) uuid.UUID {
	t.Helper()
	board, column, card := newID(), newID(), newID()
	e.exec(t, `INSERT INTO boards (id, name) VALUES (?, 'Ideas')`, board)
	e.exec(t, `INSERT INTO columns (id, board_id, name, stage, position) VALUES (?, ?, ?, ?, 1)`, column, board, stage, stage)
	e.exec(t, `INSERT INTO cards (id, board_id, column_id, kind, title, position) VALUES (?, ?, ?, 'idea', 'Dark mode', 'a0')`, card, board, column)
	return card
}

func (e testEnv) exec(t *testing.T, query string, args ...any) {
	t.Helper()
	if err := e.db.Exec(query, args...).Error; err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func (e testEnv) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.db.Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func (e testEnv) requesterCount(t *testing.T, cardID uuid.UUID) int {
	t.Helper()
	return e.count(t, `SELECT requester_count FROM cards WHERE id = ?`, cardID)
}

func (e testEnv) link(t *testing.T, cardID uuid.UUID, in LinkRequestInput) LinkResult {
	t.Helper()
	res, err := e.svc.LinkRequest(context.Background(), supportActor, cardID, in)
	if err != nil {
		t.Fatalf("LinkRequest(%+v): %v", in, err)
	}
	return res
}

// joinRecorder is a Notifier that records RequesterJoinedShippedCard calls. Inside the
// call it counts the request through the *sql.Tx it was handed, proving that tx is the
// linking transaction (the row is not committed yet).
type joinRecorder struct {
	mu      sync.Mutex
	joins   [][2]uuid.UUID
	visible []int
	fail    error
}

func (r *joinRecorder) CardShipped(context.Context, *sql.Tx, uuid.UUID) error { return nil }

func (r *joinRecorder) RequesterJoinedShippedCard(ctx context.Context, tx *sql.Tx, cardID, requesterID uuid.UUID) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM requests WHERE card_id = $1 AND requester_id = $2`, cardID, requesterID).Scan(&n); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.joins = append(r.joins, [2]uuid.UUID{cardID, requesterID})
	r.visible = append(r.visible, n)
	return r.fail
}

func kindFields(t *testing.T, err error, want Kind) map[string]string {
	t.Helper()
	if got := KindOf(err); got != want {
		t.Fatalf("error %v: kind %d, want %d", err, got, want)
	}
	var de *Error
	errors.As(err, &de)
	return de.Fields
}

// pageOf spreads a list into its items and next cursor.
func pageOf[T any](l List[T], err error) ([]T, string, error) { return l.Items, l.NextCursor, err }
