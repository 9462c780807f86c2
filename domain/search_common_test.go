package domain

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// A word every person has ("initech": 300 of the 301 people) is found common in
// ANALYZE's statistics, the people's index scan looks for the other words, and the
// search finds the same people as the whole tsquery does.
func TestSearchNarrowsThePeoplesScanByTheRareWords(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	if err := e.db.Exec(`INSERT INTO requesters (id, email, name, company)
		SELECT gen_random_uuid(), 'p' || i || '@initech.test', 'Person ' || (i % 100), 'Initech'
		FROM generate_series(1, 300) i;
		INSERT INTO requesters (id, email, name, company) VALUES (gen_random_uuid(), 'other@globex.test', 'Person 7', 'Globex');
		ANALYZE requesters`).Error; err != nil {
		t.Fatal(err)
	}
	tokens := searchTokens("initech 7")
	vocab, common, err := e.svc.searchVocabulary(ctx, tokens)
	if err != nil {
		t.Fatal(err)
	}
	if !common["initech"] || common["7"] {
		t.Fatalf("common words %v, want initech only", common)
	}
	if got := searchPeopleIndexQuery(tokens, vocab, common); got != "('7' | '7':*)" {
		t.Fatalf("people's index query %q, want the number alone", got)
	}
	if _, common, err := e.svc.searchVocabulary(ctx, searchTokens("initech")); err != nil || len(common) != 0 {
		t.Errorf("one word: common %v (%v), want none asked", common, err)
	}

	var want []string // Person 7 and 70-79 of Initech, 3 of each: the whole tsquery's people
	if err := e.db.Raw(`SELECT email FROM requesters WHERE search @@ CAST(? AS tsquery) ORDER BY email`,
		"('initech') & ('7' | '7':*)").Scan(&want).Error; err != nil {
		t.Fatal(err)
	}
	if len(want) != 33 {
		t.Fatalf("fixture: %d people match", len(want))
	}
	res, err := e.svc.Search(ctx, "initech 7", Page{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Items {
		if h.Requester == nil {
			t.Fatalf("a card hit %+v", h)
		}
		got = append(got, h.Requester.Email)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("narrowed search found %v, want %v", got, want)
	}
	if slices.Contains(got, "other@globex.test") {
		t.Errorf("found Globex's Person 7: the whole tsquery was not checked")
	}
	if !strings.Contains(searchPersonNarrowedHitsSQL, "ts_match_vq(p.search, CAST($1 AS tsquery))") ||
		!strings.Contains(searchPersonNarrowedHitsSQL, "p.search @@ CAST($4 AS tsquery)") {
		t.Errorf("searchPersonNarrowedHitsSQL no longer narrows the index and checks the whole tsquery:\n%s", searchPersonNarrowedHitsSQL)
	}
}
