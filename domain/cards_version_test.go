package domain

import (
	"context"
	"testing"

	"github.com/google/uuid"
)

// Every change a card list shows moves the board's cards_version, in the
// transaction that makes it; changes elsewhere leave it alone.
func TestCardsVersionMovesWithEveryListedChange(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, other := e.board(t, "Roadmap"), e.board(t, "Other")
	c := e.card(t, b, 0, "Dark mode")
	elsewhere := e.card(t, other, 0, "Export")
	var requester uuid.UUID
	steps := []struct {
		name  string
		moves bool
		do    func() error
	}{
		{"create a card", true, func() error {
			_, err := e.svc.CreateCard(ctx, editorActor, b.ID, NewCard{ColumnID: b.Columns[0].ID, Kind: CardIdea, Title: "More"})
			return err
		}},
		{"edit a card", true, func() error {
			_, err := e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: refTo("Dark theme")})
			return err
		}},
		{"move a card", true, func() error {
			_, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[1].ID})
			return err
		}},
		{"link a requester", true, func() error {
			res, err := e.svc.LinkRequest(ctx, supportActor, c.ID, LinkRequestInput{Email: "ann@example.com"})
			requester = res.Requester.ID
			return err
		}},
		{"unlink them", true, func() error { return e.svc.UnlinkRequest(ctx, supportActor, c.ID, requester) }},
		{"link them again", true, func() error {
			res, err := e.svc.LinkRequest(ctx, supportActor, c.ID, LinkRequestInput{Email: "ann@example.com"})
			requester = res.Requester.ID
			return err
		}},
		{"erase them", true, func() error { return e.svc.EraseRequester(ctx, editorActor, requester) }},
		{"rename a column", true, func() error {
			_, err := e.svc.UpdateColumn(ctx, editorActor, b.Columns[2].ID, ColumnPatch{Name: refTo("Doing")})
			return err
		}},
		{"reorder columns", true, func() error {
			_, err := e.svc.UpdateColumn(ctx, editorActor, b.Columns[3].ID, ColumnPatch{Position: refTo(0)})
			return err
		}},
		{"add a column", true, func() error {
			_, err := e.svc.CreateColumn(ctx, editorActor, b.ID, NewColumn{Name: "Later", Stage: StageOpen})
			return err
		}},
		{"archive a card", true, func() error { return e.svc.ArchiveCard(ctx, editorActor, c.ID, nil) }},
		{"a card on another board", false, func() error {
			_, err := e.svc.UpdateCard(ctx, editorActor, elsewhere.ID, CardPatch{Title: refTo("CSV")})
			return err
		}},
		{"rename the board", false, func() error {
			_, err := e.svc.UpdateBoard(ctx, editorActor, b.ID, BoardPatch{Name: refTo("Plans")})
			return err
		}},
	}
	for _, st := range steps {
		before, err := e.svc.CardsVersion(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		after, err := e.svc.CardsVersion(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := after != before; got != st.moves {
			t.Errorf("%s: version %d → %d; want it to change: %v", st.name, before, after, st.moves)
		}
	}
	if err := e.svc.DeleteBoard(ctx, editorActor, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CardsVersion(ctx, b.ID); KindOf(err) != KindNotFound {
		t.Errorf("version of a deleted board: %v, want not found", err)
	}
}
