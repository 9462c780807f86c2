package domain

import (
	"slices"
	"testing"

	"github.com/google/uuid"
)

// What the vocabulary says about each typed word decides its part of the tsquery.
func TestSearchQuerySpellsOutCompletions(t *testing.T) {
	vocab := map[string]*searchWord{
		"dark":   {Completions: []string{"dark"}},
		"mo":     {Completions: []string{"mobile", "mode"}},
		"exprot": {Fixes: []string{"export", "expert"}},
		"int":    {Completions: []string{"int", "integration"}, More: true},
		"oaut":   {}, // begins no word of the vocabulary (and has no correction)
	}
	tests := []struct {
		q, want string
	}{
		{"dark mo", "('dark') & ('mo' | 'mobile' | 'mode')"},
		{"exprot", "('exprot' | 'export' | 'expert')"},
		{"int", "('int' | 'int':*)"},                                        // too many completions: the prefix lexeme
		{"oaut", "('oaut')"},                                                // begins no word of the vocabulary: nothing more to find
		{"company 4711", "('company' | 'company':*) & ('4711' | '4711':*)"}, // not asked (absent): as typed
		{"mo dark", "('mo') & ('dark')"},                                    // a short word that is not the last is not a prefix
		{"dark -mode", "('dark') & !'mode'"},
	}
	for _, tt := range tests {
		got, _ := searchQuery(searchTokens(tt.q), vocab)
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.q, got, tt.want)
		}
	}
	if _, terms := searchQuery(searchTokens("exprot"), vocab); len(terms) != 3 || terms[1] != "export" {
		t.Errorf("terms %v: want the typed word and its corrections", terms)
	}
}

// rankSearchHits orders as the page shows: groups by their best rank (the people are
// one group, after a board whose best is as good), then rank, then id; a card found by
// its words and its title counts once; offset and n cut the page.
func TestRankSearchHitsGroupsAndPages(t *testing.T) {
	id := func(b byte) uuid.UUID { return uuid.UUID{b} }
	board := func(b byte) *uuid.UUID { u := id(b); return &u }
	cards := []searchHit{
		{ID: id(1), BoardID: board(0xb1), Rank: 0.2},
		{ID: id(2), BoardID: board(0xb2), Rank: 0.5},
		{ID: id(3), BoardID: board(0xb1), Rank: 0.7},
		{ID: id(4), BoardID: board(0xb2), Rank: 0.5},
		{ID: id(1), BoardID: board(0xb1), Rank: 0.2}, // the title substring found it too
		{ID: id(5), BoardID: board(0xb3), Rank: 0.5},
	}
	people := []searchHit{{ID: id(9), Rank: 0.1}, {ID: id(8), Rank: 0.5}}
	var got []byte
	for _, h := range rankSearchHits(cards, people, 0, 100) {
		got = append(got, h.ID[0])
	}
	// b1 (best 0.7): 3, 1; then b2, b3 and the people, all best 0.5, by board id with the
	// people last: b2's 2, 4 (equal ranks by id), b3's 5, the people 8, 9.
	if want := []byte{3, 1, 2, 4, 5, 8, 9}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	page := rankSearchHits(cards, people, 2, 3)
	if len(page) != 3 || page[0].ID != id(2) || page[2].ID != id(5) {
		t.Errorf("offset 2, 3 hits: %v", page)
	}
	if page := rankSearchHits(cards, people, 7, 3); len(page) != 0 {
		t.Errorf("past the end: %v", page)
	}
}
