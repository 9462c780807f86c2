package domain

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestCreateCardValidation(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, other := e.board(t, "Roadmap"), e.board(t, "Other")
	col := b.Columns[0].ID
	tests := []struct {
		name  string
		in    NewCard
		field string // "" = valid
	}{
		{"ok", NewCard{ColumnID: col, Kind: CardIdea, Title: "Dark mode"}, ""},
		{"200 characters of é", NewCard{ColumnID: col, Kind: CardIssue, Title: strings.Repeat("é", 200)}, ""},
		{"10000-character description", NewCard{ColumnID: col, Kind: CardRequest, Title: "x", Description: strings.Repeat("d\n", 5000)}, ""},
		{"empty title", NewCard{ColumnID: col, Kind: CardIdea, Title: ""}, "title"},
		{"blank title", NewCard{ColumnID: col, Kind: CardIdea, Title: "   "}, "title"},
		{"201 characters", NewCard{ColumnID: col, Kind: CardIdea, Title: strings.Repeat("x", 201)}, "title"},
		{"10000 characters", NewCard{ColumnID: col, Kind: CardIdea, Title: strings.Repeat("x", 10000)}, "title"},
		{"CR LF", NewCard{ColumnID: col, Kind: CardIdea, Title: "Dark\r\nmode"}, "title"},
		{"LF at the end", NewCard{ColumnID: col, Kind: CardIdea, Title: "Dark mode\n"}, "title"},
		{"tab", NewCard{ColumnID: col, Kind: CardIdea, Title: "Dark\tmode"}, "title"},
		{"NUL", NewCard{ColumnID: col, Kind: CardIdea, Title: "Dark\x00mode"}, "title"},
		{"invalid UTF-8", NewCard{ColumnID: col, Kind: CardIdea, Title: "Dark \xff"}, "title"},
		{"NUL in description", NewCard{ColumnID: col, Kind: CardIdea, Title: "x", Description: "a\x00b"}, "description"},
		{"20001-character description", NewCard{ColumnID: col, Kind: CardIdea, Title: "x", Description: strings.Repeat("d", 20001)}, "description"},
		{"bad kind", NewCard{ColumnID: col, Kind: "bug", Title: "x"}, "kind"},
		{"no column", NewCard{Kind: CardIdea, Title: "x"}, "column_id"},
		{"unknown column", NewCard{ColumnID: uuid.New(), Kind: CardIdea, Title: "x"}, "column_id"},
		{"column of another board", NewCard{ColumnID: other.Columns[0].ID, Kind: CardIdea, Title: "x"}, "column_id"},
		{"21 labels", NewCard{ColumnID: col, Kind: CardIdea, Title: "x", Labels: strings.Split("abcdefghijklmnopqrstu", "")}, "labels"},
		{"empty label", NewCard{ColumnID: col, Kind: CardIdea, Title: "x", Labels: []string{"ok", " "}}, "labels"},
		{"51-character label", NewCard{ColumnID: col, Kind: CardIdea, Title: "x", Labels: []string{strings.Repeat("l", 51)}}, "labels"},
	}
	valid := 0
	for _, tt := range tests {
		_, err := e.svc.CreateCard(ctx, editorActor, b.ID, tt.in)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			valid++
			continue
		}
		if f := fieldsOf(t, err); f[tt.field] == "" {
			t.Errorf("%s: fields = %v, want %s", tt.name, f, tt.field)
		}
	}
	if n := e.count(t, "SELECT count(*) FROM cards"); n != valid {
		t.Errorf("%d cards stored, want %d", n, valid)
	}
	_, err := e.svc.CreateCard(ctx, editorActor, uuid.New(), NewCard{ColumnID: col, Kind: CardIdea, Title: "x"})
	wantKind(t, err, KindNotFound)
}

func TestCreateCardAppendsAndCleansLabels(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	var ids []uuid.UUID
	for _, title := range []string{"one", "two", "three"} {
		ids = append(ids, e.card(t, b, 1, title).ID)
	}
	if got := e.column(t, b.Columns[1].ID); !slices.Equal(got, ids) {
		t.Errorf("column order %v, want creation order %v", got, ids)
	}
	c, err := e.svc.CreateCard(ctx, editorActor, b.ID, NewCard{ColumnID: b.Columns[1].ID, Kind: CardIssue,
		Title: "  Export  ", Labels: []string{" ui ", "billing", "ui", "Billing"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.svc.Card(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Export" || !slices.Equal(got.Labels, []string{"ui", "billing", "Billing"}) || got.Version != 1 ||
		got.BoardID != b.ID || got.RequesterCount != 0 || got.ShippedAt != nil || got.ArchivedAt != nil {
		t.Errorf("card = %+v", got)
	}
}

func TestUpdateCardIfMatch(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 0, "Dark mode")

	updated, err := e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: refTo("Dark theme"),
		Labels: &[]string{"ui"}, Kind: refTo(CardRequest), IfMatch: refTo(1)})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Version != 2 || updated.Title != "Dark theme" || updated.Kind != CardRequest || !slices.Equal(updated.Labels, []string{"ui"}) {
		t.Fatalf("updated = %+v", updated)
	}

	// A stale If-Match changes nothing.
	_, err = e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: refTo("Lost update"), IfMatch: refTo(1)})
	wantKind(t, err, KindStale)
	_, err = e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[3].ID, IfMatch: refTo(1)})
	wantKind(t, err, KindStale)
	wantKind(t, e.svc.ArchiveCard(ctx, editorActor, c.ID, refTo(1)), KindStale)
	now, err := e.svc.Card(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Title != updated.Title || now.Version != 2 || now.ColumnID != c.ColumnID || now.ArchivedAt != nil || now.ShippedAt != nil {
		t.Errorf("stale writes changed the card: %+v", now)
	}

	// Without If-Match the change just applies; a patch that changes nothing keeps the version.
	same, err := e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: refTo(" Dark theme "), Labels: &[]string{"ui", "ui"}})
	if err != nil || same.Version != 2 {
		t.Errorf("no-op patch: version %d, %v", same.Version, err)
	}
	again, err := e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Description: refTo("Easier on the eyes"), ReleaseNote: refTo("Now in dark")})
	if err != nil || again.Version != 3 || again.Description != "Easier on the eyes" || again.ReleaseNote != "Now in dark" {
		t.Errorf("patch without If-Match: %+v, %v", again, err)
	}
	_, err = e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: refTo("a\nb")})
	fieldsOf(t, err)
	_, err = e.svc.UpdateCard(ctx, editorActor, uuid.New(), CardPatch{Title: refTo("x")})
	wantKind(t, err, KindNotFound)
}

func TestArchiveCard(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c, keep := e.card(t, b, 0, "Dark mode"), e.card(t, b, 0, "Export")
	if err := e.svc.ArchiveCard(ctx, editorActor, c.ID, refTo(1)); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.ArchiveCard(ctx, editorActor, c.ID, nil); err != nil {
		t.Errorf("archiving twice: %v", err)
	}
	got, err := e.svc.Card(ctx, c.ID)
	if err != nil || got.ArchivedAt == nil || got.Version != 2 {
		t.Errorf("archived card: %+v, %v", got, err)
	}
	list, err := e.svc.ListCards(ctx, b.ID, CardFilter{})
	if err != nil || len(list.Items) != 1 || list.Items[0].ID != keep.ID {
		t.Errorf("list after archive: %+v, %v", list.Items, err)
	}
	wantKind(t, e.svc.ArchiveCard(ctx, editorActor, uuid.New(), nil), KindNotFound)
}

func TestCardActivity(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, other := e.board(t, "Roadmap"), e.board(t, "Other")
	c := e.card(t, b, 0, "Dark mode")
	steps := []func() error{
		func() error {
			_, err := e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: refTo("Dark theme")})
			return err
		},
		func() error {
			_, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[3].ID})
			return err
		},
		func() error {
			_, err := e.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: other.Columns[0].ID})
			return err
		},
		func() error { return e.svc.ArchiveCard(ctx, editorActor, c.ID, nil) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	page := Page{Limit: 2}
	for {
		list, err := e.svc.ListActivity(ctx, c.ID, page)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list.Items {
			got = append(got, a.Action)
			if a.Actor != "Eddie Editor" || *a.CardID != c.ID {
				t.Errorf("activity %+v", a)
			}
			if a.Action == "shipped" && (*a.FromColumnID != b.Columns[0].ID || *a.ToColumnID != b.Columns[3].ID) {
				t.Errorf("shipped activity columns: %+v", a)
			}
			if a.Action == "edited" && !slices.Equal(a.Detail["fields"].([]any), []any{"title"}) {
				t.Errorf("edited detail: %v", a.Detail)
			}
			if a.Action == "moved" && (a.Detail["from_board_id"] != b.ID.String() || *a.BoardID != other.ID) {
				t.Errorf("cross-board move activity: %+v", a)
			}
		}
		if list.NextCursor == "" {
			break
		}
		page.Cursor = list.NextCursor
	}
	want := []string{"archived", "moved", "shipped", "edited", "created"}
	if !slices.Equal(got, want) {
		t.Errorf("activity = %v, want %v (newest first)", got, want)
	}
	_, err := e.svc.ListActivity(ctx, uuid.New(), Page{})
	wantKind(t, err, KindNotFound)
}
