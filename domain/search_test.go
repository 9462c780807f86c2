package domain

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// searchFixture: two boards; a customer's quote on the second board names what the
// card's title does not.
func searchFixture(t *testing.T, e testEnv) (roadmap, support Board, calendar, invoice Card) {
	t.Helper()
	ctx := context.Background()
	roadmap, support = e.board(t, "Roadmap"), e.board(t, "Support asks")
	calendar = e.card(t, roadmap, 0, "Calendar sync")
	e.card(t, roadmap, 1, "Dark mode")
	invoice = e.card(t, support, 0, "Invoices in PDF")
	if _, err := e.svc.LinkRequest(ctx, supportActor, invoice.ID, LinkRequestInput{Email: "maria@acme.test", Name: "Maria Lopez",
		Company: "Acme", Quote: "Our accountant retypes every invoice into the spreadsheet by hand."}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.LinkRequest(ctx, supportActor, calendar.ID, LinkRequestInput{Email: "tom@globex.test", Name: "Tom Baker",
		Company: "Globex", Quote: "Meetings never show up in Outlook."}); err != nil {
		t.Fatal(err)
	}
	gone := e.card(t, support, 0, "Spreadsheet export (archived)")
	if err := e.svc.ArchiveCard(ctx, editorActor, gone.ID, nil); err != nil {
		t.Fatal(err)
	}
	return roadmap, support, calendar, invoice
}

func searchIDs(t *testing.T, e testEnv, q string) (SearchResults, []string) {
	t.Helper()
	res, err := e.svc.Search(context.Background(), q, Page{})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var got []string
	for _, h := range res.Items {
		if h.Card != nil {
			got = append(got, "card:"+h.Card.Title)
		} else {
			got = append(got, "requester:"+h.Requester.Email)
		}
	}
	return res, got
}

func TestSearchFindsQuotesTyposAndPeople(t *testing.T) {
	e := newTestEnv(t, nil)
	_, support, _, _ := searchFixture(t, e)
	tests := []struct {
		q     string
		want  []string
		field string // of the first hit's match
	}{
		{"spreadsheet", []string{"card:Invoices in PDF"}, "quote"},
		{"spreadshet", []string{"card:Invoices in PDF"}, "quote"}, // typo, corrected by the vocabulary
		{"acountant", []string{"card:Invoices in PDF"}, "quote"},
		{"calender", []string{"card:Calendar sync"}, "title"},
		{"outl", []string{"card:Calendar sync"}, "quote"}, // half-typed
		{"dark mod", []string{"card:Dark mode"}, "title"},
		{"maria", []string{"requester:maria@acme.test"}, ""},
		{"tom@glob", []string{"requester:tom@globex.test"}, ""},
		{"globex", []string{"requester:tom@globex.test"}, ""},
		{"spreadsheet -invoice", nil, ""},
		{"nothingmatcheshere", nil, ""},
	}
	for _, tt := range tests {
		res, got := searchIDs(t, e, tt.q)
		if !slices.Equal(got, tt.want) {
			t.Errorf("search %q: got %v, want %v (terms %v)", tt.q, got, tt.want, res.Terms)
			continue
		}
		if tt.field != "" && res.Items[0].Match.Field != tt.field {
			t.Errorf("search %q: matched %q, want %q", tt.q, res.Items[0].Match.Field, tt.field)
		}
	}
	res, _ := searchIDs(t, e, "spreadshet")
	hit := res.Items[0]
	if hit.Board == nil || hit.Board.ID != support.ID || hit.Board.Name != "Support asks" {
		t.Errorf("board of the hit: %+v", hit.Board)
	}
	if m := hit.Match; m.Requester == nil || m.Requester.Email != "maria@acme.test" || !strings.Contains(m.Text, "spreadsheet") {
		t.Errorf("match: %+v", m)
	}
	if !slices.Contains(res.Terms, "spreadsheet") {
		t.Errorf("terms %v lack the correction", res.Terms)
	}
}

// Whatever a board's own search finds, the search across boards finds too.
func TestSearchFindsWhatTheBoardSearchFinds(t *testing.T) {
	e := newTestEnv(t, nil)
	b, _ := listFixture(t, e)
	for _, q := range []string{"dark mode", "Dark", "exports", "ark mo", "mode -dark", "card 0"} {
		list, err := e.svc.ListCards(context.Background(), b.ID, CardFilter{Query: q, Page: Page{Limit: 200}})
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.svc.Search(context.Background(), q, Page{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, h := range res.Items {
			if h.Card != nil {
				found[h.Card.ID.String()] = true
			}
		}
		for _, c := range list.Items {
			if !found[c.ID.String()] {
				t.Errorf("q %q: the board search finds %q, the search across boards does not", q, c.Title)
			}
		}
	}
}

func TestSearchGroupsByBoardAndPages(t *testing.T) {
	e := newTestEnv(t, nil)
	a, b := e.board(t, "A"), e.board(t, "B")
	for i := range 7 {
		e.card(t, a, 0, "Export number "+string(rune('a'+i)))
		e.card(t, b, 0, "Export thing "+string(rune('a'+i)))
	}
	var boards []string
	cursor, pages := "", 0
	for {
		res, err := e.svc.Search(context.Background(), "export", Page{Limit: 4, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Items {
			boards = append(boards, h.Board.Name)
		}
		pages++
		if cursor = res.NextCursor; cursor == "" {
			break
		}
	}
	if len(boards) != 14 || pages != 4 {
		t.Fatalf("%d hits over %d pages: %v", len(boards), pages, boards)
	}
	// One run per board: grouped.
	runs := 1
	for i := 1; i < len(boards); i++ {
		if boards[i] != boards[i-1] {
			runs++
		}
	}
	if runs != 2 {
		t.Errorf("hits are not grouped by board: %v", boards)
	}
}

func TestSearchBadInput(t *testing.T) {
	e := newTestEnv(t, nil)
	for _, tt := range []struct {
		q     string
		page  Page
		field string
	}{
		{"", Page{}, "q"},
		{"   ", Page{}, "q"},
		{strings.Repeat("x", 201), Page{}, "q"},
		{"ok", Page{Limit: 51}, "limit"},
		{"ok", Page{Limit: -1}, "limit"},
		{"ok", Page{Cursor: "forged"}, "cursor"},
		{"ok", Page{Cursor: encodeCursor(searchCursor{Offset: 100000})}, "cursor"},
		{"a\x00b", Page{}, "q"},
	} {
		_, err := e.svc.Search(context.Background(), tt.q, tt.page)
		var de *Error
		if !errors.As(err, &de) || de.Kind != KindInvalid || de.Fields[tt.field] == "" {
			t.Errorf("q %q page %+v: %v, want a problem with %s", tt.q, tt.page, err, tt.field)
		}
	}
	// Punctuation only, or tsquery syntax typed as text: no error, nothing found.
	for _, q := range []string{"!!!", "a & b | !c", "'quoted' :*", "-", "\"\""} {
		if _, err := e.svc.Search(context.Background(), q, Page{}); err != nil {
			t.Errorf("q %q: %v", q, err)
		}
	}
}

// The candidates' statements read tables from their first block (searchScansFromTheStart):
// a synchronized scan starts where another one is, and would find other candidates
// for the same words each time. The setting holds for the batch only.
func TestSearchBatchScansFromTheStart(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	sqlDB, err := e.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(1) // the batch's connection is the one asked after it
	var in []string
	err = e.svc.searchBatch(ctx, []searchStatement{{`SELECT current_setting('synchronize_seqscans')`, nil}},
		func(_ int, v [][]byte) error { in = append(in, string(v[0])); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(in, []string{"off"}) {
		t.Errorf("synchronize_seqscans in the batch: %v, want off", in)
	}
	var after string
	if err := e.db.Raw(`SELECT current_setting('synchronize_seqscans')`).Scan(&after).Error; err != nil {
		t.Fatal(err)
	}
	if after != "on" {
		t.Errorf("synchronize_seqscans after the batch: %q, want on (the default)", after)
	}
}

// A card found by its customers' quotes shows the quote of the first of them who said it
// (the oldest matching request), the same one on every search: which request a scan
// meets first is not an order.
func TestSearchShowsTheFirstMatchingQuote(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	card := e.card(t, e.board(t, "Roadmap"), 0, "Swimlanes")
	for _, p := range []struct{ email, quote string }{
		{"later@acme.test", "We group the kanban by team today."},
		{"first@acme.test", "A kanban per customer would help us."},
	} {
		if _, err := e.svc.LinkRequest(ctx, supportActor, card.ID, LinkRequestInput{Email: p.email, Quote: p.quote}); err != nil {
			t.Fatal(err)
		}
	}
	// first@ asked an hour before later@: its row is rewritten, so it now lies after
	// later@'s in the table.
	if err := e.db.Exec(`UPDATE requests SET created_at = created_at - interval '1 hour'
        WHERE requester_id = (SELECT id FROM requesters WHERE email = 'first@acme.test')`).Error; err != nil {
		t.Fatal(err)
	}
	// On this small table the planner walks requests_card_created_idx, which gives the
	// oldest first by chance; with index scans off it reads the table in block order,
	// as a bitmap scan of the quotes' index would on a big one.
	sqlDB, err := e.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(1)
	if err := e.db.Exec(`SET enable_indexscan = off`).Error; err != nil {
		t.Fatal(err)
	}
	for range 8 { // past the prepared statement's switch to a generic plan
		res, got := searchIDs(t, e, "kanban")
		if !slices.Equal(got, []string{"card:Swimlanes"}) {
			t.Fatalf("search kanban: %v", got)
		}
		m := res.Items[0].Match
		if m.Field != "quote" || m.Requester == nil || m.Requester.Email != "first@acme.test" || !strings.Contains(m.Text, "per customer") {
			t.Fatalf("match %+v (requester %+v), want first@acme.test's quote", m, m.Requester)
		}
	}
}
