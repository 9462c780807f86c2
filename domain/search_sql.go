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

// searchCandidates bound the work of one search whatever the words: at most this many
// cards and people are ranked (a word in every card ranks the first 500 found).
const (
	searchCardCandidates   = 500
	searchPersonCandidates = 100
)

// searchCorrections returns, for each fuzzy-candidate word that neither is nor begins a
// word of the vocabulary, its nearest words there (at most three); the others are absent.
func (s *Service) searchCorrections(ctx context.Context, tokens []searchToken) (map[string][]string, error) {
	var words []string
	for _, t := range tokens {
		if !t.Not && fuzzyCandidate(t.Word) {
			words = append(words, t.Word)
		}
	}
	out := map[string][]string{}
	if len(words) == 0 {
		return out, nil
	}
	db := s.db.conn(ctx)
	if err := db.Exec("SET LOCAL pg_trgm.similarity_threshold = " + searchSimilarity).Error; err != nil {
		return nil, err
	}
	var rows []struct {
		Tok   string
		Known bool
		Word  sql.NullString
	}
	err := db.Raw(`
SELECT t.tok, k.known, w.word
FROM unnest(?::text[]) AS t(tok)
CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM search_words WHERE word LIKE t.tok || '%') AS known) k
LEFT JOIN LATERAL (
    SELECT word FROM search_words
    WHERE NOT k.known AND word % t.tok
    ORDER BY similarity(word, t.tok) DESC, word LIMIT 3
) w ON true`, Labels(words)).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.Known {
			continue
		}
		if _, ok := out[r.Tok]; !ok {
			out[r.Tok] = nil
		}
		if r.Word.Valid {
			out[r.Tok] = append(out[r.Tok], r.Word.String)
		}
	}
	return out, nil
}

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
// Cards match by title or description (cards.search, and the board search's title
// substring, so whatever a board's own search finds is found here too) or by a word of
// one of their quotes (cards.quote_search); people by a word of their name or company
// or the start of their address.
func (s *Service) searchHits(ctx context.Context, a searchArgs) ([]searchHit, error) {
	var hits []searchHit
	err := s.db.conn(ctx).Raw(searchHitsSQL, searchHitsArgs(a)...).Scan(&hits).Error
	return hits, err
}

const searchHitsSQL = `
WITH card_hits AS (
    SELECT c.id, c.board_id,
           ts_rank(c.search, to_tsquery('simple', @tsq)) + 0.5 * ts_rank(c.quote_search, to_tsquery('simple', @tsq))
               + CASE WHEN c.title ILIKE @pat THEN 0.1 ELSE 0 END AS rank
    FROM cards c
    WHERE (c.search @@ to_tsquery('simple', @tsq) OR c.quote_search @@ to_tsquery('simple', @tsq) OR c.title ILIKE @pat)
      AND c.archived_at IS NULL
    LIMIT @cards
), person_hits AS (
    SELECT p.id, ts_rank(requester_search(p.name, p.company), to_tsquery('simple', @tsq))
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

// searchFill reads the objects of a page of hits, with each card's board and match.
func (s *Service) searchFill(ctx context.Context, hits []searchHit, tsq, q string) ([]SearchHit, error) {
	var cardIDs, personIDs []uuid.UUID
	for _, h := range hits {
		if h.Type == SearchCard {
			cardIDs = append(cardIDs, h.ID)
		} else {
			personIDs = append(personIDs, h.ID)
		}
	}
	db := s.db.conn(ctx)
	cards := map[uuid.UUID]*Card{}
	boards := map[uuid.UUID]*SearchBoard{}
	matches := map[uuid.UUID]*SearchMatch{}
	people := map[uuid.UUID]*Requester{}
	if len(cardIDs) > 0 {
		var list []Card
		if err := db.Select(cardFields).Where("id IN ?", cardIDs).Find(&list).Error; err != nil {
			return nil, err
		}
		var boardIDs []uuid.UUID
		for i := range list {
			cards[list[i].ID] = &list[i]
			boardIDs = append(boardIDs, list[i].BoardID)
		}
		var bs []SearchBoard
		if err := db.Table("boards").Select("id, name").Where("id IN ?", boardIDs).Scan(&bs).Error; err != nil {
			return nil, err
		}
		for i := range bs {
			boards[bs[i].ID] = &bs[i]
		}
		var err error
		if matches, err = s.searchMatches(ctx, cardIDs, tsq, q); err != nil {
			return nil, err
		}
	}
	if len(personIDs) > 0 {
		var rows []Requester
		err := db.Raw(`SELECT `+requesterColumns+`,
    (SELECT count(*) FROM requests r WHERE r.requester_id = q.id) AS request_count
FROM requesters q WHERE q.id IN ?`, personIDs).Scan(&rows).Error
		if err != nil {
			return nil, err
		}
		for i := range rows {
			people[rows[i].ID] = &rows[i]
		}
	}
	out := make([]SearchHit, 0, len(hits))
	for _, h := range hits {
		hit := SearchHit{Type: h.Type, Rank: h.Rank}
		if h.Type == SearchCard {
			if hit.Card = cards[h.ID]; hit.Card == nil {
				continue
			}
			hit.Board = boards[hit.Card.BoardID]
			if hit.Match = matches[h.ID]; hit.Match == nil {
				hit.Match = &SearchMatch{Field: "title", Text: hit.Card.Title}
			}
		} else if hit.Requester = people[h.ID]; hit.Requester == nil {
			continue
		}
		out = append(out, hit)
	}
	return out, nil
}

// searchSnippet: ts_headline's options for a snippet of about a dozen words around the
// match, unmarked (the UI marks the terms itself).
const searchSnippet = `'MaxFragments=1, MaxWords=18, MinWords=8, StartSel="", StopSel="", FragmentDelimiter=" … "'`

// searchMatches says, per card, what matched: the title (or its substring), else a
// snippet of the description, else a snippet of one request's matching quote and whose
// it is. Quotes are looked for only in the page's cards (requests_quote_search_idx).
func (s *Service) searchMatches(ctx context.Context, cardIDs []uuid.UUID, tsq, q string) (map[uuid.UUID]*SearchMatch, error) {
	var rows []struct {
		ID          uuid.UUID
		Field       string
		Text        string
		RequesterID *uuid.UUID
	}
	err := s.db.conn(ctx).Raw(`
SELECT c.id,
       CASE WHEN to_tsvector('simple', c.title) @@ to_tsquery('simple', @tsq) OR c.title ILIKE @pat THEN 'title'
            WHEN to_tsvector('simple', c.description) @@ to_tsquery('simple', @tsq) THEN 'description'
            WHEN r.text IS NOT NULL THEN 'quote' ELSE 'title' END AS field,
       CASE WHEN to_tsvector('simple', c.title) @@ to_tsquery('simple', @tsq) OR c.title ILIKE @pat THEN c.title
            WHEN to_tsvector('simple', c.description) @@ to_tsquery('simple', @tsq)
                THEN ts_headline('simple', c.description, to_tsquery('simple', @tsq), `+searchSnippet+`)
            WHEN r.text IS NOT NULL THEN ts_headline('simple', r.text, to_tsquery('simple', @tsq), `+searchSnippet+`)
            ELSE c.title END AS text,
       CASE WHEN r.text IS NOT NULL THEN r.requester_id END AS requester_id
FROM cards c
LEFT JOIN LATERAL (
    SELECT r.requester_id,
           (SELECT t FROM unnest(ARRAY[r.quote] || ARRAY(SELECT jsonb_array_elements(r.quotes) ->> 'text')) AS t
            WHERE to_tsvector('simple', t) @@ to_tsquery('simple', @tsq) LIMIT 1) AS text
    FROM requests r
    WHERE r.card_id = c.id AND request_quote_search(r.quote, r.quotes) @@ to_tsquery('simple', @tsq)
    LIMIT 1
) r ON true
WHERE c.id IN @ids`, sql.Named("tsq", tsq), sql.Named("pat", likePattern(q)), sql.Named("ids", cardIDs)).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	var people []uuid.UUID
	for _, r := range rows {
		if r.RequesterID != nil {
			people = append(people, *r.RequesterID)
		}
	}
	byID := map[uuid.UUID]*Requester{}
	if len(people) > 0 {
		var list []Requester
		if err := s.db.conn(ctx).Raw(`SELECT `+requesterColumns+` FROM requesters q WHERE q.id IN ?`, people).Scan(&list).Error; err != nil {
			return nil, err
		}
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
	}
	out := map[uuid.UUID]*SearchMatch{}
	for _, r := range rows {
		m := &SearchMatch{Field: r.Field, Text: r.Text}
		if r.RequesterID != nil {
			m.Requester = byID[*r.RequesterID]
		}
		out[r.ID] = m
	}
	return out, nil
}
