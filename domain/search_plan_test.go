package domain

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// The search across boards reads only indexes to find its candidates: the cards'
// title/description, quote and title-trigram GIN indexes, the people's words and address
// prefix, and the vocabulary's trigram index for corrections. Sequential and plain index
// scans are priced out (the fixture is small; a full walk of a btree would do there), so
// a plan fails when an expression stops matching its index.
func TestSearchPlansUseTheIndexes(t *testing.T) {
	e := newTestEnv(t, nil)
	b, _, _, _ := searchFixture(t, e)
	// 5,000 more cards and a vocabulary of 20,000 words, so the planner prices the
	// indexes as on a real installation.
	if err := e.db.Exec(`INSERT INTO cards (id, board_id, column_id, kind, title, position)
		SELECT gen_random_uuid(), ?, ?, 'idea', 'Filler ' || md5(i::text), 'z' || lpad(i::text, 6, '0') FROM generate_series(1, 5000) i`,
		b.ID, b.Columns[2].ID).Error; err != nil {
		t.Fatal(err)
	}
	if err := e.db.Exec(`ANALYZE cards`).Error; err != nil {
		t.Fatal(err)
	}
	if err := e.db.Exec(`INSERT INTO search_words SELECT translate(md5(i::text), '0123456789', 'ghijklmnop') FROM generate_series(1, 20000) i;
		ANALYZE search_words`).Error; err != nil {
		t.Fatal(err)
	}
	explain := func(query string, args ...any) string {
		t.Helper()
		var lines []string
		err := e.db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL pg_trgm.similarity_threshold = 0.25").Error; err != nil {
				return err
			}
			rs, err := tx.Statement.ConnPool.QueryContext(context.Background(), "EXPLAIN (COSTS OFF) "+query, append([]any{searchExec}, args...)...)
			if err != nil {
				return err
			}
			defer rs.Close()
			for rs.Next() {
				var l string
				if err := rs.Scan(&l); err != nil {
					return err
				}
				lines = append(lines, l)
			}
			return rs.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(lines, "\n")
	}
	tsq, _ := searchQuery(searchTokens("spreadsheet maria"), nil)
	plan := explain(searchPersonHitsSQL, tsq, searchEmailPrefix("maria@acme"), searchPersonCandidates)
	for _, want := range []string{"requesters_search_words_idx", "requesters_email_prefix_idx"} {
		if !strings.Contains(plan, want) {
			t.Errorf("people's candidates plan lacks %s:\n%s", want, plan)
		}
	}
	// Each of the card conditions of searchCardHitsSQL on its own: its expression is its index's.
	for cond, index := range map[string]string{
		"c.search @@ CAST($1 AS tsquery)":       "cards_search_idx",
		"c.quote_search @@ CAST($1 AS tsquery)": "cards_quote_search_idx",
		"c.title ILIKE $1":                      "cards_title_trgm_idx",
	} {
		if !strings.Contains(searchCardHitsSQL, strings.SplitN(cond, " ", 2)[0]) {
			t.Fatalf("searchCardHitsSQL no longer has %s", cond)
		}
		arg := "spreadsheet"
		if strings.Contains(cond, "ILIKE") {
			arg = likePattern(arg)
		}
		plan := explain("SELECT c.id FROM cards c WHERE "+cond, arg)
		if !strings.Contains(plan, index) {
			t.Errorf("%s: plan lacks %s:\n%s", cond, index, plan)
		}
	}
	// Completions walk the key range of the prefix; corrections the trigram index: the
	// two statements of search_vocabulary (00710), planned with the word.
	var body string
	if err := e.db.Raw(`SELECT prosrc FROM pg_proc WHERE proname = 'search_vocabulary'`).Scan(&body).Error; err != nil {
		t.Fatal(err)
	}
	stmts := strings.Split(body, "RETURN QUERY ")
	if len(stmts) != 3 {
		t.Fatalf("search_vocabulary no longer runs the two statements this test knows:\n%s", body)
	}
	for i, want := range []string{"search_words_pkey", "search_words_trgm_idx"} {
		stmt := strings.NewReplacer("typed", "'spreadshet'::text", "completions", "17").Replace(strings.SplitN(stmts[i+1], ";", 2)[0])
		if plan := explain(stmt); !strings.Contains(plan, want) {
			t.Errorf("vocabulary plan lacks %s:\n%s", want, plan)
		}
	}
	plan = explain(`SELECT 1 FROM requests r WHERE r.card_id = gen_random_uuid() AND request_quote_search(r.quote, r.quotes) @@ CAST('spreadsheet' AS tsquery)`)
	if !strings.Contains(plan, "requests_quote_search_idx") && !strings.Contains(plan, "requests_pkey") {
		t.Errorf("snippet plan reads no index:\n%s", plan)
	}
}
