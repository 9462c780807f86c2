package domain

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Search across boards (GET /search, issue 13): cards by title, description and their
// requesters' quotes, and requesters by name, company and address, typo-tolerant. Every
// role may read every board and person, so every caller searches everything; archived
// cards are left out. The SQL is in search_sql.go.

// Search hit types.
const (
	SearchCard      = "card"
	SearchRequester = "requester"
)

// SearchHit is one result: a card (with its board and what matched) or a requester.
type SearchHit struct {
	Type      string
	Rank      float64
	Card      *Card
	Board     *SearchBoard
	Requester *Requester
	Match     *SearchMatch // what of a card matched; nil for requesters
}

// SearchBoard names the board a card hit belongs to (results are grouped by it).
type SearchBoard struct {
	ID   uuid.UUID
	Name string
}

// SearchMatch is the text that matched: the title, a snippet of the description, or a
// snippet of one requester's quote (Requester says whose).
type SearchMatch struct {
	Field     string // title, description, quote
	Text      string
	Requester *Requester
}

// SearchResults is a page of hits, grouped by board (boards in order of their best hit,
// the people last unless they rank higher), and the words searched for: the typed ones
// and the corrections of those not in the installation's vocabulary.
type SearchResults struct {
	List[SearchHit]
	Terms []string
}

const (
	searchDefaultLimit = 20
	searchMaxLimit     = 50
	searchMaxTokens    = 8
	// searchMaxOffset bounds paging: a search is for finding, not for walking thousands.
	searchMaxOffset = 200
)

// searchCursor is the offset of the next page.
type searchCursor struct {
	Offset int `json:"o"`
}

// searchToken is one typed word; Not for "-word".
type searchToken struct {
	Word string
	Not  bool
}

// searchTokens splits q into lower-case words of letters and digits (at most
// searchMaxTokens); a word right after "-" at its start is excluded, as in the board search.
func searchTokens(q string) []searchToken {
	var out []searchToken
	var cur strings.Builder
	not, prev := false, ' '
	flush := func() {
		if cur.Len() > 0 && len(out) < searchMaxTokens {
			out = append(out, searchToken{Word: cur.String(), Not: not})
		}
		cur.Reset()
		not = false
	}
	for _, r := range strings.ToLower(q) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if cur.Len() == 0 && prev == '-' {
				not = true
			}
			if utf8.RuneCountInString(cur.String()) < 64 {
				cur.WriteRune(r)
			}
		default:
			flush()
			if r == '-' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
				prev = '-'
				continue
			}
		}
		if r != '-' {
			prev = r
		} else {
			prev = 'x' // a hyphen inside a word ("sign-on") joins, it does not exclude
		}
	}
	flush()
	return out
}

// Search answers one page of hits for q.
func (s *Service) Search(ctx context.Context, q string, page Page) (SearchResults, error) {
	p := Problems{}
	q = strings.TrimSpace(checkRequestText(p, "q", q, maxSearchQuery, false))
	if q == "" {
		p.Add("q", "is required")
	}
	limit := searchDefaultLimit
	if page.Limit != 0 {
		if page.Limit < 1 || page.Limit > searchMaxLimit {
			p.Add("limit", "must be a whole number from 1 to 50")
		}
		limit = page.Limit
	}
	var after searchCursor
	page.after(p, &after, func() bool { return after.Offset > 0 && after.Offset <= searchMaxOffset })
	if err := p.Err(); err != nil {
		return SearchResults{}, err
	}
	tokens := searchTokens(q)
	var res SearchResults
	res.Items = []SearchHit{}
	res.Terms = []string{}
	if len(tokens) == 0 {
		return res, nil
	}
	// No transaction: every statement is planned with its words without one
	// (searchExec), the vocabulary holds its own trigram threshold, and a card gone
	// between the ranking and the reading is left out (searchFill).
	vocab, common, err := s.searchVocabulary(ctx, tokens)
	if err != nil {
		return SearchResults{}, err
	}
	tsq, terms := searchQuery(tokens, vocab)
	res.Terms = terms
	if tsq == "" {
		return res, nil
	}
	hits, err := s.searchHits(ctx, searchArgs{tsq: tsq, peopleIndex: searchPeopleIndexQuery(tokens, vocab, common),
		q: q, offset: after.Offset, limit: limit})
	if err != nil {
		return SearchResults{}, err
	}
	if len(hits) > limit && after.Offset+limit < searchMaxOffset {
		res.NextCursor = encodeCursor(searchCursor{Offset: after.Offset + limit})
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	items, err := s.searchFill(ctx, hits, tsq, q)
	if err != nil {
		return SearchResults{}, err
	}
	res.Items = items
	return res, nil
}
