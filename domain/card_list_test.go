package domain

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// listFixture is a board of 30 cards over its four columns with varied kinds, labels,
// requester counts and times, with ties on purpose so the id tie-breaks matter.
func listFixture(t *testing.T, e testEnv) (Board, []Card) {
	t.Helper()
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	other := e.board(t, "Other")
	e.card(t, other, 0, "Dark mode elsewhere") // never listed on b
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	kinds := []CardKind{CardIdea, CardIssue, CardRequest}
	for i := range 30 {
		in := NewCard{ColumnID: b.Columns[i%4].ID, Kind: kinds[i%3], Title: fmt.Sprintf("Card %02d", i)}
		switch {
		case i%5 == 0:
			in.Title = fmt.Sprintf("Dark mode %02d", i)
			in.Labels = []string{"ui"}
		case i%7 == 0:
			in.Description = "Make exports faster, please"
			in.Labels = []string{"ui", "perf"}
		}
		c, err := e.svc.CreateCard(ctx, editorActor, b.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		// requester_count is the requests code's to maintain; set it here as it would.
		if err := e.db.Exec(`UPDATE cards SET requester_count = ?, created_at = ?, updated_at = ? WHERE id = ?`,
			i%4, base.Add(time.Duration(i%6)*time.Hour), base.Add(time.Duration(i%9)*time.Minute), c.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	gone := e.card(t, b, 0, "Dark mode archived")
	if err := e.svc.ArchiveCard(ctx, editorActor, gone.ID, nil); err != nil {
		t.Fatal(err)
	}
	var cards []Card
	if err := e.db.Select(cardFields).Where("board_id = ? AND archived_at IS NULL", b.ID).Find(&cards).Error; err != nil {
		t.Fatal(err)
	}
	return b, cards
}

// walk lists every page of f (limit per page) and returns the ids in order.
func walk(t *testing.T, e testEnv, board uuid.UUID, f CardFilter, limit int) []uuid.UUID {
	t.Helper()
	f.Limit = limit
	var ids []uuid.UUID
	for pages := 0; pages < 100; pages++ {
		list, err := e.svc.ListCards(context.Background(), board, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(list.Items) > limit || (list.NextCursor != "" && len(list.Items) != limit) {
			t.Fatalf("page of %d items with cursor %q (limit %d)", len(list.Items), list.NextCursor, limit)
		}
		for _, c := range list.Items {
			ids = append(ids, c.ID)
		}
		if list.NextCursor == "" {
			return ids
		}
		f.Cursor = list.NextCursor
	}
	t.Fatal("more than 100 pages")
	return nil
}

func TestListCardsSortsAndPages(t *testing.T) {
	e := newTestEnv(t, nil)
	b, cards := listFixture(t, e)
	colPos := map[uuid.UUID]int{}
	for _, c := range b.Columns {
		colPos[c.ID] = c.Position
	}
	orders := map[CardSort]func(a, b Card) int{
		SortPosition: func(a, b Card) int {
			return cmp.Or(cmp.Compare(colPos[a.ColumnID], colPos[b.ColumnID]), cmp.Compare(a.Position, b.Position),
				slices.Compare(a.ID[:], b.ID[:]))
		},
		SortDemand: func(a, b Card) int {
			return cmp.Or(-cmp.Compare(a.RequesterCount, b.RequesterCount), -a.CreatedAt.Compare(b.CreatedAt),
				slices.Compare(a.ID[:], b.ID[:]))
		},
		SortRecent: func(a, b Card) int {
			return cmp.Or(-a.UpdatedAt.Compare(b.UpdatedAt), slices.Compare(a.ID[:], b.ID[:]))
		},
	}
	for sort, order := range orders {
		want := slices.SortedFunc(slices.Values(cards), order)
		var wantIDs []uuid.UUID
		for _, c := range want {
			wantIDs = append(wantIDs, c.ID)
		}
		for _, limit := range []int{1, 4, 7, 30, 200} {
			if got := walk(t, e, b.ID, CardFilter{Sort: sort}, limit); !slices.Equal(got, wantIDs) {
				t.Errorf("sort %s, limit %d: got %d ids in another order than the %d expected", sort, limit, len(got), len(wantIDs))
			}
		}
	}
	if got := walk(t, e, b.ID, CardFilter{}, 50); len(got) != 30 {
		t.Errorf("default sort listed %d cards, want 30", len(got))
	}
}

func TestListCardsFilters(t *testing.T) {
	e := newTestEnv(t, nil)
	b, cards := listFixture(t, e)
	count := func(keep func(Card) bool) int {
		n := 0
		for _, c := range cards {
			if keep(c) {
				n++
			}
		}
		return n
	}
	col := b.Columns[1].ID
	tests := []struct {
		name string
		f    CardFilter
		want int
	}{
		{"column", CardFilter{ColumnID: &col}, count(func(c Card) bool { return c.ColumnID == col })},
		{"kind", CardFilter{Kind: refTo(CardIssue)}, count(func(c Card) bool { return c.Kind == CardIssue })},
		{"label", CardFilter{Label: "perf"}, count(func(c Card) bool { return slices.Contains(c.Labels, "perf") })},
		{"label and kind", CardFilter{Label: "ui", Kind: refTo(CardIdea), Sort: SortDemand},
			count(func(c Card) bool { return slices.Contains(c.Labels, "ui") && c.Kind == CardIdea })},
		{"words", CardFilter{Query: "dark mode"}, 6},
		{"word in the description", CardFilter{Query: "exports", Sort: SortRecent}, count(func(c Card) bool { return c.Description != "" })},
		{"prefix of a title", CardFilter{Query: "Dar"}, 6},
		{"exclusion", CardFilter{Query: "mode -10"}, 5},
		{"LIKE wildcards are literal", CardFilter{Query: "%"}, 0},
		{"column and words", CardFilter{ColumnID: &b.Columns[0].ID, Query: "dark"},
			count(func(c Card) bool { return c.ColumnID == b.Columns[0].ID && strings.HasPrefix(c.Title, "Dark") })},
	}
	for _, tt := range tests {
		got := walk(t, e, b.ID, tt.f, 2)
		if len(got) != tt.want || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("%s: %d cards, want %d", tt.name, len(got), tt.want)
		}
	}
}

func TestListCardsRefusals(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b, other := e.board(t, "Roadmap"), e.board(t, "Other")
	for i := range 3 {
		e.card(t, b, 0, fmt.Sprint(i))
	}
	page, err := e.svc.ListCards(ctx, b.ID, CardFilter{Page: Page{Limit: 1}})
	if err != nil || page.NextCursor == "" {
		t.Fatalf("first page: %v", err)
	}
	tests := []struct {
		name  string
		f     CardFilter
		field string
	}{
		{"garbage cursor", CardFilter{Page: Page{Cursor: "%%%"}}, "cursor"},
		{"cursor of another sort", CardFilter{Sort: SortDemand, Page: Page{Cursor: page.NextCursor}}, "cursor"},
		{"cursor of another list", CardFilter{Page: Page{Cursor: encodeCursor(nameKey{Name: "x", ID: b.ID})}}, "cursor"},
		{"limit too big", CardFilter{Page: Page{Limit: 201}}, "limit"},
		{"negative limit", CardFilter{Page: Page{Limit: -1}}, "limit"},
		{"unknown sort", CardFilter{Sort: "votes"}, "sort"},
		{"unknown kind", CardFilter{Kind: refTo(CardKind("bug"))}, "kind"},
		{"column of another board", CardFilter{ColumnID: &other.Columns[0].ID}, "column_id"},
		{"unknown column", CardFilter{ColumnID: refTo(uuid.New())}, "column_id"},
	}
	for _, tt := range tests {
		_, err := e.svc.ListCards(ctx, b.ID, tt.f)
		if f := fieldsOf(t, err); f[tt.field] == "" {
			t.Errorf("%s: fields = %v, want %s", tt.name, f, tt.field)
		}
	}
	_, err = e.svc.ListCards(ctx, uuid.New(), CardFilter{})
	wantKind(t, err, KindNotFound)
}
