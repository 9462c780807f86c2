package domain

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

func TestFindCardReferences(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int64
	}{
		{"closeloop-12", []int64{12}},
		{"CloseLoop-7 vip", []int64{7}},
		{"vip closeloop-3 closeloop-4,closeloop-3", []int64{3, 4}},
		{"<p>see closeloop-9.</p>", []int64{9}},
		{"xcloseloop-5 closeloop-6x closeloop- closeloop-0 closeloop-abc", nil},
		{"closeloop-99999999999999999999", nil},
		{"", nil},
	} {
		if got := FindCardReferences(c.text); !slices.Equal(got, c.want) {
			t.Errorf("FindCardReferences(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		n    int64
		want bool
	}{{"closeloop-12", 12, true}, {" CLOSELOOP-3 ", 3, true}, {"12", 0, false}, {"closeloop-12 closeloop-13", 0, false}, {"a closeloop-1", 0, false}} {
		if n, ok := ParseCardReference(c.in); n != c.n || ok != c.want {
			t.Errorf("ParseCardReference(%q) = %d, %v; want %d, %v", c.in, n, ok, c.n, c.want)
		}
	}
}

// Cards are numbered at creation in order, unique; CardByNumber finds them; the
// requests import resolves numbers and closeloop-N references.
func TestCardNumbers(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	first, second := e.card(t, b, 0, "First"), e.card(t, b, 0, "Second")
	if first.Number < 1 || second.Number != first.Number+1 {
		t.Fatalf("numbers %d, %d; want n ≥ 1 then n+1", first.Number, second.Number)
	}
	got, err := e.svc.CardByNumber(ctx, second.Number)
	if err != nil || got.ID != second.ID || got.Number != second.Number {
		t.Fatalf("CardByNumber(%d) = %v, %v", second.Number, got.ID, err)
	}
	if _, err := e.svc.CardByNumber(ctx, second.Number+100); KindOf(err) != KindNotFound {
		t.Errorf("unknown number: %v, want not found", err)
	}
	listed, err := e.svc.ListCards(ctx, b.ID, CardFilter{})
	if err != nil || len(listed.Items) != 2 || listed.Items[0].Number != first.Number {
		t.Errorf("listed cards carry numbers: %+v, %v", listed.Items, err)
	}
	rows := []RequestImportRow{
		{Row: 1, Line: 2, Email: "a@example.com", Card: "closeloop-" + itoa(first.Number)},
		{Row: 2, Line: 3, Email: "b@example.com", Card: "CLOSELOOP-" + itoa(second.Number)},
		{Row: 3, Line: 4, Email: "c@example.com", Card: itoa(second.Number)},
		{Row: 4, Line: 5, Email: "d@example.com", Card: "closeloop-" + itoa(second.Number+100)},
	}
	res, err := e.svc.ImportRequests(ctx, editorActor, rows, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Linked != 3 || len(res.Errors) != 1 || res.Errors[0].Row != 4 || res.Errors[0].Field != "card" {
		t.Fatalf("import: linked %d, errors %+v; want 3 linked, row 4 unknown", res.Linked, res.Errors)
	}
	if n := e.count(t, `SELECT count(*) FROM requests WHERE card_id = ?`, second.ID); n != 2 {
		t.Errorf("second card has %d requests, want 2", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
