package domain

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/google/uuid"
)

// runAll runs fns at once and returns their errors.
func runAll(fns []func() error) []error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, fn := range fns {
		wg.Go(func() {
			<-start
			errs[i] = fn()
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// Twenty people drag the same card around at once: every move applies in turn, and
// the card ends in one place, with a position no other card of its column has.
func TestConcurrentMovesOfOneCard(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, model := e.threeColumns(t, 9)
	card := model[b.Columns[0].ID][0]
	var moves []func() error
	for i := range 20 {
		col := b.Columns[i%3].ID
		others := slices.DeleteFunc(slices.Clone(model[col]), func(id uuid.UUID) bool { return id == card })
		m := Move{ColumnID: col}
		switch i % 4 {
		case 1:
			m.BeforeID = &others[i%len(others)]
		case 2:
			m.AfterID = &others[i%len(others)]
		}
		moves = append(moves, func() error { _, err := e.svc.MoveCard(ctx, editorActor, card, m); return err })
	}
	for i, err := range runAll(moves) {
		if err != nil {
			t.Errorf("move %d: %v", i, err)
		}
	}
	got, err := e.svc.Card(ctx, card)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 21 {
		t.Errorf("version = %d, want 21 (1 + 20 moves)", got.Version)
	}
	if n := e.count(t, "SELECT count(*) FROM activities WHERE card_id = ? AND action = 'moved'", card); n != 20 {
		t.Errorf("%d move activities, want 20", n)
	}
	found := 0
	for _, col := range b.Columns {
		ids := e.column(t, col.ID)
		if slices.Contains(ids, card) {
			found++
		}
		if len(ids) != len(slices.Compact(slices.Clone(ids))) {
			t.Errorf("column %s lists a card twice: %v", col.Name, ids)
		}
	}
	if found != 1 || e.count(t, "SELECT count(*) FROM cards") != 9 {
		t.Errorf("card found in %d columns", found)
	}
	e.noDuplicatePositions(t)
}

// Twenty cards dropped into the same slot at once, while five more are created at the
// end of that column, all get distinct positions between the slot's neighbours.
func TestConcurrentMovesIntoOneSlot(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	var movers []uuid.UUID
	for range 20 {
		movers = append(movers, e.card(t, b, 0, "mover").ID)
	}
	top, bottom := e.card(t, b, 1, "top"), e.card(t, b, 1, "bottom")
	target := b.Columns[1].ID
	var fns []func() error
	for _, id := range movers {
		fns = append(fns, func() error {
			_, err := e.svc.MoveCard(ctx, editorActor, id, Move{ColumnID: target, AfterID: &top.ID})
			return err
		})
	}
	for range 5 {
		fns = append(fns, func() error {
			_, err := e.svc.CreateCard(ctx, editorActor, b.ID, NewCard{ColumnID: target, Kind: CardIdea, Title: "new"})
			return err
		})
	}
	for i, err := range runAll(fns) {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	e.noDuplicatePositions(t)
	ids := e.column(t, target)
	if len(ids) != 27 || ids[0] != top.ID || ids[21] != bottom.ID {
		t.Fatalf("column has %d cards; top at %d, bottom at %d", len(ids), slices.Index(ids, top.ID), slices.Index(ids, bottom.ID))
	}
	between := slices.Clone(ids[1:21])
	slices.SortFunc(between, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	slices.SortFunc(movers, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	if !slices.Equal(between, movers) {
		t.Errorf("the cards between top and bottom are not exactly the 20 movers")
	}
}
