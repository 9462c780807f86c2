package domain

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/uuid"
)

// threeColumns makes a board with columns A, B, C (all open) and n cards spread over them.
func (e testEnv) threeColumns(t *testing.T, n int) (Board, map[uuid.UUID][]uuid.UUID) {
	t.Helper()
	b, err := e.svc.CreateBoard(context.Background(), editorActor, NewBoard{Name: "Moves",
		Columns: []ColumnSpec{{Name: "A", Stage: StageOpen}, {Name: "B", Stage: StageOpen}, {Name: "C", Stage: StageOpen}}})
	if err != nil {
		t.Fatal(err)
	}
	model := map[uuid.UUID][]uuid.UUID{}
	for i := range n {
		col := b.Columns[i%3]
		model[col.ID] = append(model[col.ID], e.card(t, b, i%3, "card").ID)
	}
	return b, model
}

// Random moves (to the end, before or after a random card, within and across columns)
// leave every column in the order an in-memory list model predicts.
func TestRandomMovesMatchModel(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, model := e.threeColumns(t, 12)
	r := rand.New(rand.NewPCG(7, 11))
	var all []uuid.UUID
	for _, ids := range model {
		all = append(all, ids...)
	}
	for step := range 300 {
		card := all[r.IntN(len(all))]
		to := b.Columns[r.IntN(3)].ID
		for col, ids := range model { // take the card out of the model
			if i := slices.Index(ids, card); i >= 0 {
				model[col] = slices.Delete(ids, i, i+1)
			}
		}
		target := model[to]
		m := Move{ColumnID: to}
		at := len(target)
		if len(target) > 0 {
			i := r.IntN(len(target))
			neighbour := target[i] // a copy: the Insert below shifts target
			switch r.IntN(3) {
			case 1:
				m.BeforeID, at = &neighbour, i
			case 2:
				m.AfterID, at = &neighbour, i+1
			}
		}
		model[to] = slices.Insert(target, at, card)
		moved, err := e.svc.MoveCard(ctx, editorActor, card, m)
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if moved.ColumnID != to {
			t.Fatalf("step %d: card in column %s, want %s", step, moved.ColumnID, to)
		}
		if step%50 == 49 || step == 299 {
			for _, col := range b.Columns {
				if got := e.column(t, col.ID); !slices.Equal(got, model[col.ID]) {
					t.Fatalf("step %d, column %s: order %v, model %v", step, col.Name, got, model[col.ID])
				}
			}
		}
	}
	e.noDuplicatePositions(t)
	longest := e.count(t, "SELECT max(length(position)) FROM cards")
	t.Logf("longest position after 300 random moves: %d bytes", longest)
	if longest > 12 {
		t.Errorf("positions grew to %d bytes", longest)
	}
}

func TestMoveRefusals(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, model := e.threeColumns(t, 6)
	a, bcol := b.Columns[0].ID, b.Columns[1].ID
	card, inA, inB := model[a][0], model[a][1], model[bcol][0]
	archived := e.card(t, b, 1, "archived")
	if err := e.svc.ArchiveCard(ctx, editorActor, archived.ID, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		m     Move
		field string
	}{
		{"no column", Move{}, "column_id"},
		{"unknown column", Move{ColumnID: uuid.New()}, "column_id"},
		{"both neighbours", Move{ColumnID: bcol, BeforeID: &inB, AfterID: &inB}, "before_id"},
		{"before a card of another column", Move{ColumnID: bcol, BeforeID: &inA}, "before_id"},
		{"after a card of another column", Move{ColumnID: bcol, AfterID: &inA}, "after_id"},
		{"before itself", Move{ColumnID: a, BeforeID: &card}, "before_id"},
		{"after an archived card", Move{ColumnID: bcol, AfterID: &archived.ID}, "after_id"},
		{"after an unknown card", Move{ColumnID: bcol, AfterID: refTo(uuid.New())}, "after_id"},
	}
	for _, tt := range tests {
		_, err := e.svc.MoveCard(ctx, editorActor, card, tt.m)
		if f := fieldsOf(t, err); f[tt.field] == "" {
			t.Errorf("%s: fields = %v, want %s", tt.name, f, tt.field)
		}
	}
	if got := e.column(t, a); !slices.Equal(got, model[a]) {
		t.Errorf("refused moves changed column A: %v", got)
	}
	_, err := e.svc.MoveCard(ctx, editorActor, uuid.New(), Move{ColumnID: a})
	wantKind(t, err, KindNotFound)
}

// A card moved to another board's column belongs to that board from then on.
func TestMoveAcrossBoards(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	from, to := e.board(t, "Ideas"), e.board(t, "Roadmap")
	card, first := e.card(t, from, 0, "Dark mode"), e.card(t, to, 1, "Export")
	moved, err := e.svc.MoveCard(ctx, editorActor, card.ID, Move{ColumnID: to.Columns[1].ID, BeforeID: &first.ID})
	if err != nil {
		t.Fatal(err)
	}
	if moved.BoardID != to.ID || moved.ColumnID != to.Columns[1].ID || moved.Version != 2 || moved.Position >= first.Position {
		t.Errorf("moved card = %+v", moved)
	}
	if got := e.column(t, to.Columns[1].ID); !slices.Equal(got, []uuid.UUID{card.ID, first.ID}) {
		t.Errorf("target column = %v", got)
	}
	for board, want := range map[uuid.UUID]int{from.ID: 0, to.ID: 2} {
		list, err := e.svc.ListCards(ctx, board, CardFilter{})
		if err != nil || len(list.Items) != want {
			t.Errorf("board %s lists %d cards (%v), want %d", board, len(list.Items), err, want)
		}
	}
}
