package api

import (
	"context"
	"runtime"
)

// Slots let a few requests of a kind use the database at once and the others wait
// their turn in the order they came (a channel's waiters are served first in, first
// out). Without them, database/sql hands a freed connection to a random waiter: when
// more requests want one than the pool has (50 people reading one board against 20
// connections) some waited many turns, the tail of the board read; and ten searches at
// once shared the database's cores ten ways, so every one of them took ten times as
// long (docs/benchmarks.md, "Seventh session").
type slots chan struct{}

// boardReadSlots: the board-page requests reading the caller and the board's
// cards_version (one short statement) at once. searchSlots: the searches (GET /search,
// a board's cards with q=, the people with q=) at once. Both follow the process's
// cores, as a guess of the database's.
func boardReadSlots() int { return 2 * max(runtime.GOMAXPROCS(0), 2) }
func searchSlots() int    { return max(runtime.GOMAXPROCS(0), 2) }

func newSlots(n int) slots { return make(slots, n) }

// enter takes a slot (give it back with leave); ctx's error if it ends first.
func (r slots) enter(ctx context.Context) error {
	select {
	case r <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r slots) leave() { <-r }

// searching runs fn in one of the process's search slots when it searches (q is not
// empty), else at once.
func (s *Server) searching(ctx context.Context, q string, fn func() error) error {
	if q == "" {
		return fn()
	}
	if err := s.searches.enter(ctx); err != nil {
		return err
	}
	defer s.searches.leave()
	return fn()
}
