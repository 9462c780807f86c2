package domain

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// The expressions below are those of migrations/00530_search.sql's indexes, exactly, or
// the indexes are not used; people's words are the stored requesters.search of 00740.

// searchExec, as the first argument of a statement, sends it with its words as an
// unnamed statement (pgx caches only its description): PostgreSQL plans it with those
// words every time. Prepared, after five runs it could be planned once for all words —
// the same plan for a word in every quote (best read in table order, stopping at the
// candidates) and one in none (best read from the index), right for only one of them.
// Sent this way, each statement is one round trip and needs no transaction to set
// plan_cache_mode in. The statements whose plan does not depend on the words (reading
// the page's cards and people by id) stay prepared: planned once.
const searchExec = pgx.QueryExecModeCacheDescribe

// searchRows runs a statement of the search (positional parameters) and scans each row into
// what dest returns for it, column by column: the palette searches on every keystroke,
// and GORM's reflective Scan was half of the server's CPU per search.
func (s *Service) searchRows(ctx context.Context, query string, args []any, dest func() []any) error {
	rs, err := s.db.conn(ctx).Statement.ConnPool.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		if err := rs.Scan(dest()...); err != nil {
			return err
		}
	}
	return rs.Err()
}

// positional turns the @name parameters of query into $1, $2, … in the order of names
// (the driver takes no names).
func positional(query string, names ...string) string {
	for i, n := range names {
		query = regexp.MustCompile(`@`+n+`\b`).ReplaceAllLiteralString(query, "$"+strconv.Itoa(i+1))
	}
	if strings.Contains(strings.ReplaceAll(query, "@@", ""), "@") {
		panic("positional: a parameter is left unnamed in " + query)
	}
	return query
}

// searchCandidates bound the work of one search whatever the words: at most this many
// cards and people are ranked (a word in every card ranks the first ones found). Every
// page a cursor can reach (searchMaxOffset + searchMaxLimit) is within the cards'.
const (
	searchCardCandidates   = searchMaxOffset + searchMaxLimit
	searchPersonCandidates = 100
)

type searchArgs struct {
	tsq, q        string
	offset, limit int
}

// searchHit is a ranked id before its object is read.
type searchHit struct {
	Type    string
	ID      uuid.UUID
	BoardID *uuid.UUID
	Rank    float64
}

// searchHits ranks the candidates and returns limit+1 of them from offset, grouped by
// board: a group's place is its best hit's rank (people are one group).
//
// Cards match by title or description (cards.search) or by a word of one of their
// quotes (cards.quote_search), or by the board search's title substring (so whatever a
// board's own search finds is found here too); people by a word of their name or company
// or the start of their address. The substring is a candidate scan of its own: folded
// into the words' condition, a plan that reads the table in order and stops at the
// candidates evaluates the ILIKE on every row it passes, and the planner has no idea it
// costs more than a comparison. It runs only when the words found fewer cards than
// searchCardCandidates: when they fill the candidates, those are already the first
// ones found of more than can be ranked, and the substring's scan (every card whose
// title has the substring's trigrams, 6,000 for "integr" at 100k cards) and ranking
// were half of the statement's time.
func (s *Service) searchHits(ctx context.Context, a searchArgs) ([]searchHit, error) {
	var hits []searchHit
	err := s.searchRows(ctx, searchHitsSQL, append([]any{searchExec}, searchHitsArgs(a)...), func() []any {
		hits = append(hits, searchHit{})
		h := &hits[len(hits)-1]
		return []any{&h.Type, &h.ID, &h.BoardID, &h.Rank}
	})
	return hits, err
}

// searchTSQuery is the tsquery, sent as one (searchQuery's text is tsquery syntax, its
// lexemes the 'simple' configuration's: lower-case words as to_tsvector makes them).
// Under a custom plan it is a constant: the planner sees the words to estimate how many
// rows match, and a condition evaluated row by row compares, where to_tsquery (only
// stable) would parse the words again for every row and call — twice per card a
// sequential scan passes, most of its time for "exprot" (2,500 cards to find 250).
const searchTSQuery = `CAST(@tsq AS tsquery)`

const searchCardRank = `ts_rank(c.search, ` + searchTSQuery + `) + 0.5 * ts_rank(c.quote_search, ` + searchTSQuery + `)
               + CASE WHEN c.title ILIKE @pat THEN 0.1 ELSE 0 END`

var searchHitsSQL = positional(searchHitsNamed, "tsq", "pat", "email", "cards", "people", "limit", "offset")

const searchHitsNamed = `
WITH word_hits AS (
    SELECT c.id, c.board_id, ` + searchCardRank + ` AS rank
    FROM cards c
    WHERE (c.search @@ ` + searchTSQuery + ` OR c.quote_search @@ ` + searchTSQuery + `) AND c.archived_at IS NULL
    LIMIT @cards
), card_hits AS (
    SELECT DISTINCT ON (id) id, board_id, rank FROM (
        SELECT * FROM word_hits
        UNION ALL
        (SELECT c.id, c.board_id, ` + searchCardRank + `
        FROM cards c
        WHERE c.title ILIKE @pat AND c.archived_at IS NULL AND (SELECT count(*) FROM word_hits) < @cards
        LIMIT @cards)
    ) u
    ORDER BY id
), person_hits AS (
    SELECT p.id, ts_rank(p.search, ` + searchTSQuery + `)
               + CASE WHEN @email <> '' AND lower(p.email) LIKE @email THEN 1 ELSE 0 END AS rank
    FROM requesters p
    WHERE p.search @@ ` + searchTSQuery + ` OR (@email <> '' AND lower(p.email) LIKE @email)
    LIMIT @people
), hits AS (
    SELECT 'card' AS type, id, board_id, rank FROM card_hits
    UNION ALL SELECT 'requester', id, NULL, rank FROM person_hits
)
SELECT type, id, board_id, rank FROM (
    SELECT *, max(rank) OVER (PARTITION BY board_id) AS group_rank FROM hits
) h
ORDER BY group_rank DESC, board_id NULLS LAST, rank DESC, id
LIMIT @limit OFFSET @offset`

func searchHitsArgs(a searchArgs) []any {
	email := "" // the start of an address: one word with no spaces
	if !strings.ContainsAny(a.q, " \t") {
		email = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(a.q)) + "%"
	}
	return []any{a.tsq, likePattern(a.q), email, searchCardCandidates, searchPersonCandidates, a.limit + 1, a.offset}
}
