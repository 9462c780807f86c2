package domain

import (
	"context"
	"database/sql"
	"strings"

	"github.com/google/uuid"
)

// The expressions below are those of migrations/00530_search.sql's indexes, exactly, or
// the indexes are not used.

// searchSimilarity is how alike (pg_trgm similarity) a vocabulary word must be to a typed
// word that is not in it to count as its correction: 0.25 takes "exprot" to "export"
// (0.27) and "calender" to "calendar".
const searchSimilarity = "0.25"

// searchSettingsSQL: the search's transaction settings, in one statement. Custom plans
// because the driver prepares and caches statements, and after five runs PostgreSQL may
// keep a generic plan, made without the words: the same plan for a word in every quote
// (best read in table order, stopping at the candidates) and one in none (best read
// from the index), which is right for only one of them.
const searchSettingsSQL = `SELECT set_config('pg_trgm.similarity_threshold', '` + searchSimilarity + `', true),
    set_config('plan_cache_mode', 'force_custom_plan', true)`

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
// costs more than a comparison.
func (s *Service) searchHits(ctx context.Context, a searchArgs) ([]searchHit, error) {
	var hits []searchHit
	err := s.db.conn(ctx).Raw(searchHitsSQL, searchHitsArgs(a)...).Scan(&hits).Error
	return hits, err
}

// searchTSQuery is the tsquery for the ranks and snippets, parsed once per statement (an
// InitPlan): to_tsquery is only stable, so written inline it is parsed again for every
// row and call. The conditions keep the inline form: the planner needs to see the words
// to estimate how many rows match, and an index scan parses it once anyway.
const searchTSQuery = `(SELECT to_tsquery('simple', @tsq))`

const searchCardRank = `ts_rank(c.search, ` + searchTSQuery + `) + 0.5 * ts_rank(c.quote_search, ` + searchTSQuery + `)
               + CASE WHEN c.title ILIKE @pat THEN 0.1 ELSE 0 END`

const searchHitsSQL = `
WITH card_hits AS (
    SELECT DISTINCT ON (id) id, board_id, rank FROM (
        (SELECT c.id, c.board_id, ` + searchCardRank + ` AS rank
        FROM cards c
        WHERE (c.search @@ to_tsquery('simple', @tsq) OR c.quote_search @@ to_tsquery('simple', @tsq)) AND c.archived_at IS NULL
        LIMIT @cards)
        UNION ALL
        (SELECT c.id, c.board_id, ` + searchCardRank + `
        FROM cards c
        WHERE c.title ILIKE @pat AND c.archived_at IS NULL
        LIMIT @cards)
    ) u
    ORDER BY id
), person_hits AS (
    SELECT p.id, ts_rank(requester_search(p.name, p.company), ` + searchTSQuery + `)
               + CASE WHEN @email <> '' AND lower(p.email) LIKE @email THEN 1 ELSE 0 END AS rank
    FROM requesters p
    WHERE requester_search(p.name, p.company) @@ to_tsquery('simple', @tsq) OR (@email <> '' AND lower(p.email) LIKE @email)
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
	return []any{sql.Named("tsq", a.tsq), sql.Named("pat", likePattern(a.q)), sql.Named("email", email),
		sql.Named("cards", searchCardCandidates), sql.Named("people", searchPersonCandidates),
		sql.Named("limit", a.limit+1), sql.Named("offset", a.offset)}
}
