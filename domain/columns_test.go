package domain

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// columnNames reads a board's columns in order, checking positions are 0..n-1.
func (e testEnv) columnNames(t *testing.T, b Board) []string {
	t.Helper()
	got, err := e.svc.Board(context.Background(), b.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, c := range got.Columns {
		if c.Position != i {
			t.Errorf("column %q has position %d at index %d", c.Name, c.Position, i)
		}
		names = append(names, c.Name)
	}
	return names
}

func TestColumnsCreateMoveDelete(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")

	first, err := e.svc.CreateColumn(ctx, editorActor, b.ID, NewColumn{Name: "Inbox", Stage: StageOpen, Position: refTo(0)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CreateColumn(ctx, editorActor, b.ID, NewColumn{Name: "Won't do", Stage: StageDeclined}); err != nil {
		t.Fatal(err)
	}
	want := []string{"Inbox", "Ideas", "Planned", "In progress", "Done", "Won't do"}
	if got := e.columnNames(t, b); !slices.Equal(got, want) {
		t.Fatalf("after creates: %v, want %v", got, want)
	}

	moved, err := e.svc.UpdateColumn(ctx, editorActor, first.ID, ColumnPatch{Position: refTo(3), Name: refTo("Triage"), Stage: refTo(StagePlanned)})
	if err != nil {
		t.Fatal(err)
	}
	if moved.Name != "Triage" || moved.Stage != StagePlanned || moved.Position != 3 {
		t.Errorf("updated column = %+v", moved)
	}
	want = []string{"Ideas", "Planned", "In progress", "Triage", "Done", "Won't do"}
	if got := e.columnNames(t, b); !slices.Equal(got, want) {
		t.Fatalf("after move: %v, want %v", got, want)
	}

	if err := e.svc.DeleteColumn(ctx, editorActor, first.ID); err != nil {
		t.Fatal(err)
	}
	want = []string{"Ideas", "Planned", "In progress", "Done", "Won't do"}
	if got := e.columnNames(t, b); !slices.Equal(got, want) {
		t.Fatalf("after delete: %v, want %v", got, want)
	}
}

func TestColumnValidation(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	tests := []struct {
		name  string
		in    NewColumn
		field string
	}{
		{"no name", NewColumn{Stage: StageOpen}, "name"},
		{"long name", NewColumn{Name: strings.Repeat("n", 51), Stage: StageOpen}, "name"},
		{"bad stage", NewColumn{Name: "x", Stage: "shipped"}, "stage"},
		{"position past the end", NewColumn{Name: "x", Stage: StageOpen, Position: refTo(5)}, "position"},
		{"negative position", NewColumn{Name: "x", Stage: StageOpen, Position: refTo(-1)}, "position"},
	}
	for _, tt := range tests {
		_, err := e.svc.CreateColumn(ctx, editorActor, b.ID, tt.in)
		if f := fieldsOf(t, err); f[tt.field] == "" {
			t.Errorf("%s: fields = %v, want %s", tt.name, f, tt.field)
		}
	}
	_, err := e.svc.UpdateColumn(ctx, editorActor, b.Columns[0].ID, ColumnPatch{Position: refTo(4)})
	if f := fieldsOf(t, err); f["position"] != "must be from 0 to 3" {
		t.Errorf("fields = %v", f)
	}
	_, err = e.svc.CreateColumn(ctx, editorActor, newID(), NewColumn{Name: "x", Stage: StageOpen})
	wantKind(t, err, KindNotFound)
	_, err = e.svc.UpdateColumn(ctx, editorActor, newID(), ColumnPatch{Name: refTo("x")})
	wantKind(t, err, KindNotFound)
	if got := e.columnNames(t, b); len(got) != 4 {
		t.Errorf("columns = %v, want the four defaults untouched", got)
	}
}

// A column that holds cards, even only archived ones, cannot be deleted; the message
// says how many and what to do. Once the cards are moved out, it can.
func TestDeleteColumnWithCardsConflicts(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	live, archived := e.card(t, b, 0, "Live"), e.card(t, b, 0, "Archived")
	if err := e.svc.ArchiveCard(ctx, editorActor, archived.ID, nil); err != nil {
		t.Fatal(err)
	}
	err := e.svc.DeleteColumn(ctx, editorActor, b.Columns[0].ID)
	wantKind(t, err, KindConflict)
	if msg := err.Error(); !strings.Contains(msg, "2 cards (1 archived)") || !strings.Contains(msg, "move them") {
		t.Errorf("message %q does not say how many cards and what to do", msg)
	}
	if _, err := e.svc.MoveCard(ctx, editorActor, live.ID, Move{ColumnID: b.Columns[1].ID}); err != nil {
		t.Fatal(err)
	}
	err = e.svc.DeleteColumn(ctx, editorActor, b.Columns[0].ID)
	if wantKind(t, err, KindConflict); !strings.Contains(err.Error(), "1 card (1 archived)") {
		t.Errorf("message %q", err)
	}
	moved, err := e.svc.MoveCard(ctx, editorActor, archived.ID, Move{ColumnID: b.Columns[1].ID})
	if err != nil || moved.ArchivedAt == nil {
		t.Fatalf("moving the archived card: %+v, %v", moved, err)
	}
	if err := e.svc.DeleteColumn(ctx, editorActor, b.Columns[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := e.columnNames(t, b); !slices.Equal(got, []string{"Planned", "In progress", "Done"}) {
		t.Errorf("columns = %v", got)
	}
	wantKind(t, e.svc.DeleteColumn(ctx, editorActor, b.Columns[0].ID), KindNotFound)
}
