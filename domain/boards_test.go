package domain

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestCreateBoardDefaultColumns(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "  Roadmap  ")
	got, err := e.svc.Board(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Roadmap" {
		t.Errorf("name = %q, want it trimmed to %q", got.Name, "Roadmap")
	}
	var cols []string
	for i, c := range got.Columns {
		if c.Position != i || c.BoardID != b.ID {
			t.Errorf("column %d: position %d board %s", i, c.Position, c.BoardID)
		}
		cols = append(cols, c.Name+"/"+string(c.Stage))
	}
	want := []string{"Ideas/open", "Planned/planned", "In progress/in_progress", "Done/done"}
	if !slices.Equal(cols, want) {
		t.Errorf("columns = %v, want %v", cols, want)
	}
}

func TestCreateBoardValidation(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	tests := []struct {
		name string
		in   NewBoard
		want []string
	}{
		{"empty name", NewBoard{Name: " "}, []string{"name"}},
		{"long name", NewBoard{Name: strings.Repeat("x", 101)}, []string{"name"}},
		{"name with newline", NewBoard{Name: "a\nb"}, []string{"name"}},
		{"no columns", NewBoard{Name: "x", Columns: []ColumnSpec{}}, []string{"columns"}},
		{"bad column", NewBoard{Name: "x", Columns: []ColumnSpec{{Name: "Ok", Stage: StageOpen}, {Name: "", Stage: "later"}}},
			[]string{"columns[1].name", "columns[1].stage"}},
		{"too many columns", NewBoard{Name: "x", Columns: make([]ColumnSpec, 21)}, []string{"columns"}},
		{"notify_default on an open column", NewBoard{Name: "x", Columns: []ColumnSpec{{Name: "Planned", Stage: StagePlanned, NotifyDefault: true},
			{Name: "Ideas", Stage: StageOpen, NotifyDefault: true}}}, []string{"columns[1].notify_default"}},
	}
	for _, tt := range tests {
		_, err := e.svc.CreateBoard(ctx, editorActor, tt.in)
		fields := fieldsOf(t, err)
		for _, f := range tt.want {
			if fields[f] == "" {
				t.Errorf("%s: no message for %s in %v", tt.name, f, fields)
			}
		}
	}
	if n := e.count(t, "SELECT count(*) FROM boards"); n != 0 {
		t.Errorf("%d boards were created by invalid inputs", n)
	}
}

func TestUpdateBoardEmailFields(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	got, err := e.svc.UpdateBoard(ctx, editorActor, b.ID, BoardPatch{
		EmailSubject: refTo("It shipped: {{card}}"), EmailIntro: refTo("Hi!\n\nGood news."), Description: refTo("ours")})
	if err != nil {
		t.Fatal(err)
	}
	if got.EmailSubject != "It shipped: {{card}}" || got.EmailIntro != "Hi!\n\nGood news." || got.Description != "ours" ||
		got.Name != "Roadmap" || len(got.Columns) != 4 || !got.UpdatedAt.After(b.UpdatedAt) {
		t.Errorf("after update: %+v", got)
	}
	for _, patch := range []BoardPatch{
		{EmailSubject: refTo("Shipped\r\nBcc: everyone@example.com")},
		{EmailSubject: refTo(strings.Repeat("s", 201))},
		{EmailIntro: refTo(strings.Repeat("i", 2001))},
		{Name: refTo("")},
	} {
		_, err := e.svc.UpdateBoard(ctx, editorActor, b.ID, patch)
		fieldsOf(t, err)
	}
	_, err = e.svc.UpdateBoard(ctx, editorActor, uuid.New(), BoardPatch{Name: refTo("x")})
	wantKind(t, err, KindNotFound)
}

func TestListBoardsPages(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	var want []string
	for i := range 7 {
		name := fmt.Sprintf("Board %c", 'a'+rune(6-i)) // created out of order, listed by name
		if i%2 == 0 {
			name = strings.ToUpper(name)
		}
		e.board(t, name)
		want = append(want, name)
	}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	var got []string
	page := Page{Limit: 3}
	for pages := 0; ; pages++ {
		list, err := e.svc.ListBoards(ctx, page)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range list.Items {
			got = append(got, b.Name)
			if len(b.Columns) != 4 {
				t.Errorf("board %s has %d columns", b.Name, len(b.Columns))
			}
		}
		if list.NextCursor == "" {
			if pages != 2 {
				t.Errorf("got %d pages, want 3", pages+1)
			}
			break
		}
		page.Cursor = list.NextCursor
	}
	if !slices.Equal(got, want) {
		t.Errorf("boards = %v, want %v", got, want)
	}
	_, err := e.svc.ListBoards(ctx, Page{Cursor: "not-a-cursor"})
	if f := fieldsOf(t, err); f["cursor"] == "" {
		t.Errorf("fields = %v, want cursor", f)
	}
	_, err = e.svc.ListBoards(ctx, Page{Limit: 201})
	if f := fieldsOf(t, err); f["limit"] == "" {
		t.Errorf("fields = %v, want limit", f)
	}
}

func TestDeleteBoardCascades(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, other := e.board(t, "Gone"), e.board(t, "Stays")
	c := e.card(t, b, 0, "Dark mode")
	e.card(t, other, 0, "Export")
	if _, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[1].ID}); err != nil {
		t.Fatal(err)
	}
	// A delivery of the card goes with it (a trigger: deliveries have no foreign keys).
	e.exec(t, `INSERT INTO requesters (id, email) VALUES (?, 'ann@example.com')`, uuid.Nil)
	e.exec(t, `INSERT INTO deliveries (card_id, requester_id, kind, email, status, sent_at)
VALUES (?, ?, 'shipped', 'ann@example.com', 'sent', now())`, c.ID, uuid.Nil)
	if err := e.svc.DeleteBoard(ctx, editorActor, b.ID); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{"boards": 1, "columns": 4, "cards": 1, "activities": 1, "deliveries": 0} {
		if n := e.count(t, "SELECT count(*) FROM "+table); n != want {
			t.Errorf("%s: %d rows left, want %d", table, n, want)
		}
	}
	wantKind(t, e.svc.DeleteBoard(ctx, editorActor, b.ID), KindNotFound)
	_, err := e.svc.Board(ctx, b.ID)
	wantKind(t, err, KindNotFound)
}
