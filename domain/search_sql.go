package domain

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
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
	peopleIndex   string // searchPeopleIndexQuery's, or ""
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
//
// The cards' and the people's candidates are two statements sent in one round trip
// (searchBatch), and they are grouped and ordered here: one statement that also
// grouped, ordered and paged them cost PostgreSQL more to plan (with the words, on
// every search) than all of that costs here for at most 600 rows.
func (s *Service) searchHits(ctx context.Context, a searchArgs) ([]searchHit, error) {
	email := searchEmailPrefix(a.q)
	people := searchStatement{searchPersonHitsSQL, []string{a.tsq, email, strconv.Itoa(searchPersonCandidates)}}
	if a.peopleIndex != "" {
		people = searchStatement{searchPersonNarrowedHitsSQL, []string{a.tsq, email, strconv.Itoa(searchPersonCandidates), a.peopleIndex}}
	}
	var cardHits, personHits []searchHit
	err := s.searchBatch(ctx, []searchStatement{
		{searchCardHitsSQL, []string{a.tsq, likePattern(a.q), strconv.Itoa(searchCardCandidates)}},
		people,
	}, func(stmt int, v [][]byte) error {
		h, err := scanSearchHit(v)
		if stmt == 0 {
			h.Type = SearchCard
			cardHits = append(cardHits, h)
		} else {
			h.Type = SearchRequester
			personHits = append(personHits, h)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return rankSearchHits(cardHits, personHits, a.offset, a.limit+1), nil
}

// rankSearchHits orders the candidates as the page shows them — groups by their best
// rank (a board's cards, or the people: board NULL), then board id (the people last
// among equal groups), then rank, best first, then id — and returns n from offset. A
// card found by both its words and its title substring counts once.
func rankSearchHits(cards, people []searchHit, offset, n int) []searchHit {
	type ranked struct {
		group float64 // the best rank of its group
		searchHit
	}
	hits := make([]ranked, 0, len(cards)+len(people))
	best := make(map[uuid.UUID]float64, len(cards)/4+1) // by board; uuid.Nil for the people
	seen := make(map[uuid.UUID]bool, len(cards))        // a card its words and its title found comes twice
	add := func(h searchHit, group uuid.UUID) {
		if group != uuid.Nil {
			if seen[h.ID] {
				return
			}
			seen[h.ID] = true
		}
		hits = append(hits, ranked{searchHit: h})
		if r, ok := best[group]; !ok || h.Rank > r {
			best[group] = h.Rank
		}
	}
	for _, h := range cards {
		add(h, *h.BoardID)
	}
	for _, h := range people {
		add(h, uuid.Nil)
	}
	for i := range hits {
		group := uuid.Nil
		if hits[i].BoardID != nil {
			group = *hits[i].BoardID
		}
		hits[i].group = best[group]
	}
	slices.SortFunc(hits, func(a, b ranked) int {
		if c := cmp.Compare(b.group, a.group); c != 0 {
			return c
		}
		switch {
		case a.BoardID == nil && b.BoardID != nil:
			return 1
		case a.BoardID != nil && b.BoardID == nil:
			return -1
		case a.BoardID != nil:
			if c := bytes.Compare(a.BoardID[:], b.BoardID[:]); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(b.Rank, a.Rank); c != 0 {
			return c
		}
		return bytes.Compare(a.ID[:], b.ID[:])
	})
	var out []searchHit
	for i := offset; i < len(hits) && i < offset+n; i++ {
		out = append(out, hits[i].searchHit)
	}
	return out
}

// scanSearchHit reads a candidate's id, board id (NULL for a person) and rank, in
// PostgreSQL's binary format.
func scanSearchHit(v [][]byte) (searchHit, error) {
	var h searchHit
	if len(v) != 3 || len(v[0]) != 16 || (v[1] != nil && len(v[1]) != 16) {
		return h, fmt.Errorf("search: unexpected candidate row %v", v)
	}
	copy(h.ID[:], v[0])
	if v[1] != nil {
		var b uuid.UUID
		copy(b[:], v[1])
		h.BoardID = &b
	}
	switch len(v[2]) {
	case 4:
		h.Rank = float64(math.Float32frombits(binary.BigEndian.Uint32(v[2])))
	case 8:
		h.Rank = math.Float64frombits(binary.BigEndian.Uint64(v[2]))
	default:
		return h, fmt.Errorf("search: unexpected rank %v", v[2])
	}
	return h, nil
}

// searchStatement is one statement of a searchBatch, its parameters as text.
type searchStatement struct {
	sql  string
	args []string
}

// searchBatch sends statements in one round trip, after searchScansFromTheStart, each
// as an unnamed statement with its words (PostgreSQL plans it with them, as searchExec
// does for one), and hands row every row of each, its values in the binary format. It
// reads outside any transaction of ctx, as the rest of the search does.
func (s *Service) searchBatch(ctx context.Context, stmts []searchStatement, row func(stmt int, values [][]byte) error) error {
	db, err := s.db.gorm.DB()
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("search: the database connection is a %T, not pgx's", dc)
		}
		batch := &pgconn.Batch{}
		batch.ExecParams(searchScansFromTheStart, nil, nil, nil, nil)
		for _, st := range stmts {
			args := make([][]byte, len(st.args))
			for i, a := range st.args {
				args[i] = []byte(a)
			}
			batch.ExecParams(st.sql, args, nil, nil, []int16{pgx.BinaryFormatCode})
		}
		results := c.Conn().PgConn().ExecBatch(ctx, batch)
		var failed error
		for i := -1; results.NextResult(); i++ {
			rr := results.ResultReader()
			if i < 0 { // searchScansFromTheStart's
				if _, err := rr.Close(); err != nil {
					failed = err
				}
				continue
			}
			for failed == nil && rr.NextRow() {
				failed = row(i, rr.Values())
			}
			if _, err := rr.Close(); err != nil && failed == nil {
				failed = err
			}
		}
		if err := results.Close(); err != nil && failed == nil {
			failed = err
		}
		return failed
	})
}

// searchScansFromTheStart turns off synchronized sequential scans for the batch's
// statements (its implicit transaction). A candidate scan that reads the table in order
// stops at the candidates, and with synchronize_seqscans (on by default, for tables
// larger than a quarter of shared_buffers: 100k cards are) it starts wherever another
// scan of the table is: a word in more cards than the candidates found a different
// 250 each time, so the same search answered different cards and its second page
// could repeat or skip the first's (on the scale database, 344 searches asked twice in
// a row answered other cards and people the second time for the common words). From
// the first block, the same words find the same candidates.
const searchScansFromTheStart = `SELECT set_config('synchronize_seqscans', 'off', true)`

// searchTSQuery is the tsquery, sent as one (searchQuery's text is tsquery syntax, its
// lexemes the 'simple' configuration's: lower-case words as to_tsvector makes them).
// Under a custom plan it is a constant: the planner sees the words to estimate how many
// rows match, and a condition evaluated row by row compares, where to_tsquery (only
// stable) would parse the words again for every row and call — twice per card a
// sequential scan passes, most of its time for "exprot" (2,500 cards to find 250).
const searchTSQuery = `CAST(@tsq AS tsquery)`

const searchCardRank = `ts_rank(c.search, ` + searchTSQuery + `) + 0.5 * ts_rank(c.quote_search, ` + searchTSQuery + `)
               + CASE WHEN c.title ILIKE @pat THEN 0.1 ELSE 0 END`

// searchCardHitsSQL: the cards' candidates (id, board_id, rank), the words' and, when
// those are fewer than @cards, the title substring's (a card may come twice).
var searchCardHitsSQL = positional(searchCardHitsNamed, "tsq", "pat", "cards")

const searchCardHitsNamed = `
WITH word_hits AS (
    SELECT c.id, c.board_id, ` + searchCardRank + ` AS rank
    FROM cards c
    WHERE (c.search @@ ` + searchTSQuery + ` OR c.quote_search @@ ` + searchTSQuery + `) AND c.archived_at IS NULL
    LIMIT @cards
)
SELECT id, board_id, rank FROM word_hits
UNION ALL
(SELECT c.id, c.board_id, ` + searchCardRank + `
FROM cards c
WHERE c.title ILIKE @pat AND c.archived_at IS NULL AND (SELECT count(*) FROM word_hits) < @cards
LIMIT @cards)`

// searchPersonHitsSQL: the people's candidates (id, NULL, rank).
var searchPersonHitsSQL = positional(searchPersonHitsNamed, "tsq", "email", "people")

const searchPersonHitsNamed = `
SELECT p.id, NULL::uuid AS board_id, ts_rank(p.search, ` + searchTSQuery + `)
           + CASE WHEN @email <> '' AND lower(p.email) LIKE @email THEN 1 ELSE 0 END AS rank
FROM requesters p
WHERE p.search @@ ` + searchTSQuery + ` OR (@email <> '' AND lower(p.email) LIKE @email)
LIMIT @people`

// searchPersonNarrowedHitsSQL is searchPersonHitsSQL whose index scan looks for
// @index (searchPeopleIndexQuery's), each row it finds then checked against the whole
// tsquery: ts_match_vq is what @@ runs, called as a function so that the planner does
// not hand it to the index too.
var searchPersonNarrowedHitsSQL = positional(strings.Replace(searchPersonHitsNamed,
	`WHERE p.search @@ `+searchTSQuery+` OR`,
	`WHERE (p.search @@ CAST(@index AS tsquery) AND ts_match_vq(p.search, `+searchTSQuery+`)) OR`, 1),
	"tsq", "email", "people", "index")

// searchEmailPrefix is the LIKE pattern of the start of an address: q when it is one
// word with no spaces, else "" (no address is searched).
func searchEmailPrefix(q string) string {
	if strings.ContainsAny(q, " \t") {
		return ""
	}
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(q)) + "%"
}
