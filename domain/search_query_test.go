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

// The people's index scan leaves out a typed word most people have, when another word
// can narrow it; the whole tsquery still decides who matches.
func TestSearchPeopleIndexQueryLeavesOutCommonWords(t *testing.T) {
	vocab := map[string]*searchWord{
		"company": {Completions: []string{"company"}},
		"compan":  {Completions: []string{"company"}},
		"ada":     {Completions: []string{"ada"}},
	}
	common := map[string]bool{"company": true, "compan": true, "ada": true}
	tests := []struct{ q, want string }{
		{"company 4711", "('4711' | '4711':*)"},
		{"47 company", "('47')"},                    // a short word that is not the last: no prefix
		{"company ada 4711", "('4711' | '4711':*)"}, // both common words go
		{"company", ""},                             // nothing else to narrow by
		{"company ada", ""},                         // only common words: the whole tsquery
		{"company -4711", ""},                       // only an exclusion would be left
		{"compan 4711", ""},                         // a completion besides the typed word: kept, so nothing left out
		{"company 4711 -x", "('4711' | '4711':*) & !'x'"},
	}
	for _, tt := range tests {
		if got := searchPeopleIndexQuery(searchTokens(tt.q), vocab, common); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.q, got, tt.want)
		}
	}
	if got := searchPeopleIndexQuery(searchTokens("company 4711"), vocab, nil); got != "" {
		t.Errorf("nothing common: got %q, want the whole tsquery (\"\")", got)
	}
}
