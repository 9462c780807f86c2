package domain

import (
	"context"
	"strings"

	"github.com/google/uuid"
)

// searchFill reads the objects of a page of hits: the cards with their board and match
// in one statement, the people in another.
func (s *Service) searchFill(ctx context.Context, hits []searchHit, tsq, q string) ([]SearchHit, error) {
	var cardIDs, personIDs []string
	for _, h := range hits {
		if h.Type == SearchCard {
			cardIDs = append(cardIDs, h.ID.String())
		} else {
			personIDs = append(personIDs, h.ID.String())
		}
	}
	cards := make(map[uuid.UUID]*searchCardRow, len(cardIDs))
	people := make(map[uuid.UUID]*Requester, len(personIDs))
	if len(cardIDs) > 0 {
		var rows []*searchCardRow
		err := s.searchRows(ctx, searchCardsSQL, []any{tsq, likePattern(q), cardIDs},
			func() []any {
				r := &searchCardRow{}
				rows = append(rows, r)
				return cardDest(&r.Card, &r.BoardName, &r.MatchField, &r.MatchText, &r.MatchRequesterID, &r.MatchEmail, &r.MatchName, &r.MatchCompany)
			})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			cards[r.ID] = r
		}
	}
	if len(personIDs) > 0 {
		var rows []*Requester
		err := s.searchRows(ctx, searchPeopleSQL, []any{personIDs}, func() []any {
			r := &Requester{}
			rows = append(rows, r)
			return []any{&r.ID, &r.Email, &r.Name, &r.Company, &r.ExternalIDs, &r.UnsubscribedAt, &r.BouncedAt, &r.CreatedAt, &r.UpdatedAt, &r.RequestCount}
		})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			people[r.ID] = r
		}
	}
	out := make([]SearchHit, 0, len(hits))
	for _, h := range hits {
		hit := SearchHit{Type: h.Type, Rank: h.Rank}
		if h.Type == SearchCard {
			row := cards[h.ID]
			if row == nil {
				continue // gone since it was ranked
			}
			hit.Card = &row.Card
			hit.Board = &SearchBoard{ID: row.BoardID, Name: row.BoardName}
			hit.Match = row.match()
		} else if hit.Requester = people[h.ID]; hit.Requester == nil {
			continue
		}
		out = append(out, hit)
	}
	return out, nil
}

// searchPeopleSQL reads the page's people (requesterColumns, in order) and how many cards each asked for.
const searchPeopleSQL = `SELECT ` + requesterColumns + `,
    (SELECT count(*) FROM requests r WHERE r.requester_id = q.id) AS request_count
FROM requesters q WHERE q.id = ANY ($1::text[]::uuid[])`

// searchCardRow is a card of the page with its board's name and what of it matched.
type searchCardRow struct {
	Card
	BoardName        string
	MatchField       string
	MatchText        string
	MatchRequesterID *uuid.UUID
	MatchEmail       string
	MatchName        string
	MatchCompany     string
}

func (r *searchCardRow) match() *SearchMatch {
	m := &SearchMatch{Field: r.MatchField, Text: r.MatchText}
	if r.MatchRequesterID != nil {
		m.Requester = &Requester{ID: *r.MatchRequesterID, Email: r.MatchEmail, Name: r.MatchName, Company: r.MatchCompany}
	}
	return m
}

// searchSnippet: ts_headline's options for a snippet of about a dozen words around the
// match, unmarked (the UI marks the terms itself).
const searchSnippet = `'MaxFragments=1, MaxWords=18, MinWords=8, StartSel="", StopSel="", FragmentDelimiter=" … "'`

// searchCardsSQL reads the page's cards and says, per card, what matched: the title (or
// its substring; the title's words are cards.search's of weight A, 00001, so it is not
// parsed again), else a snippet of the description (weight B), else a snippet of one request's
// matching quote and whose it is (match_requester_id and the person's address, name and
// company): the quote of the first person who said it (the oldest matching request, in
// the order of requests_card_created_idx), the same on every search. A card's requests are read only when neither its title nor its description
// matched and its quotes' words do (quote_search: a card found by a title word and a
// description word, "dark" and "mode", has no quote to show, and reading its 20
// requests to find none was 9 of the statement's 10 ms for "dark mod"): the test is on
// the outer row, so it gates the lateral read (a One-Time Filter) instead of filtering
// what it reads. The statement's plan does not depend on the words: it is prepared.
var searchCardsSQL = positional(searchCardsNamed, "tsq", "pat", "ids")

var searchCardsNamed = `
SELECT ` + "c." + strings.ReplaceAll(cardFields, ", ", ", c.") + `, b.name AS board_name,
       CASE WHEN f.in_title THEN 'title' WHEN f.in_description THEN 'description' WHEN r.text IS NOT NULL THEN 'quote' ELSE 'title' END AS match_field,
       CASE WHEN f.in_title THEN c.title
            WHEN f.in_description THEN ts_headline('simple', c.description, ` + searchTSQuery + `, ` + searchSnippet + `)
            WHEN r.text IS NOT NULL THEN ts_headline('simple', r.text, ` + searchTSQuery + `, ` + searchSnippet + `)
            ELSE c.title END AS match_text,
       p.id AS match_requester_id, coalesce(p.email, '') AS match_email, coalesce(p.name, '') AS match_name, coalesce(p.company, '') AS match_company
FROM cards c
JOIN boards b ON b.id = c.board_id
CROSS JOIN LATERAL (
    SELECT ts_filter(c.search, '{a}') @@ ` + searchTSQuery + ` OR c.title ILIKE @pat AS in_title,
           ts_filter(c.search, '{b}') @@ ` + searchTSQuery + ` AS in_description,
           c.quote_search @@ ` + searchTSQuery + ` AS in_quotes
    OFFSET 0
) f
LEFT JOIN LATERAL (
    SELECT r.requester_id,
           (SELECT t FROM unnest(ARRAY[r.quote] || ARRAY(SELECT jsonb_array_elements(r.quotes) ->> 'text')) AS t
            WHERE to_tsvector('simple', t) @@ ` + searchTSQuery + ` LIMIT 1) AS text
    FROM requests r
    WHERE NOT f.in_title AND NOT f.in_description AND f.in_quotes
      AND r.card_id = c.id AND request_quote_search(r.quote, r.quotes) @@ ` + searchTSQuery + `
    ORDER BY r.created_at, r.requester_id
    LIMIT 1
) r ON true
LEFT JOIN requesters p ON p.id = r.requester_id AND r.text IS NOT NULL
WHERE c.id = ANY (CAST(@ids AS text[])::uuid[])`
