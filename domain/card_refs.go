package domain

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// cardRef is how a spreadsheet names a card: one of id, number or title.
type cardRef struct {
	id     uuid.UUID
	number int64
	title  string
}

// parseCardRef reads "12", "#12", "closeloop-12" (any case), a card id, or else an
// exact title.
func parseCardRef(raw string) (cardRef, bool) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return cardRef{}, false
	}
	if id, err := uuid.Parse(s); err == nil {
		return cardRef{id: id}, true
	}
	digits := strings.TrimPrefix(s, "#")
	if len(s) > len("closeloop-") && strings.EqualFold(s[:len("closeloop-")], "closeloop-") {
		digits = s[len("closeloop-"):]
	}
	if n, err := strconv.ParseInt(digits, 10, 64); err == nil && n > 0 && digits[0] != '+' {
		return cardRef{number: n}, true
	}
	return cardRef{title: s}, true
}

func (r cardRef) String() string {
	switch {
	case r.id != uuid.Nil:
		return r.id.String()
	case r.number > 0:
		return fmt.Sprintf("closeloop-%d", r.number)
	}
	return r.title
}

// resolvedCard is what linking needs to know about a card found by reference.
type resolvedCard struct {
	ID         uuid.UUID
	BoardID    uuid.UUID
	Title      string
	ShippedAt  *time.Time
	ArchivedAt *time.Time
}

// resolveRows finds each row's card; rows whose card is unknown, ambiguous or
// archived become errors.
func (s *Service) resolveRows(ctx context.Context, rows []linkRow, res *RequestImportResult) ([]linkRow, error) {
	byID, byTitle := map[uuid.UUID]bool{}, map[string]bool{}
	for _, r := range rows {
		if r.ref.id != uuid.Nil {
			byID[r.ref.id] = true
		} else if r.ref.title != "" {
			byTitle[r.ref.title] = true
		}
	}
	found := map[string][]resolvedCard{}
	lookup := func(where string, keys []any) error {
		for start := 0; start < len(keys); start += 1000 {
			var cards []resolvedCard
			err := s.db.conn(ctx).Raw(`SELECT id, board_id, title, shipped_at, archived_at FROM cards WHERE `+where,
				keys[start:min(start+1000, len(keys))]).Scan(&cards).Error
			if err != nil {
				return err
			}
			for _, c := range cards {
				if where[0] == 'i' {
					found[c.ID.String()] = append(found[c.ID.String()], c)
				} else {
					found[c.Title] = append(found[c.Title], c)
				}
			}
		}
		return nil
	}
	if err := lookup("id IN ?", keysOf(byID)); err != nil {
		return nil, err
	}
	if err := lookup("title IN ? AND archived_at IS NULL", keysOf(byTitle)); err != nil {
		return nil, err
	}
	if err := s.cardsByNumber(ctx, rows, found); err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		cards := found[r.ref.String()]
		msg := ""
		switch {
		case len(cards) == 0 && r.ref.title != "":
			msg = fmt.Sprintf("no card is titled %q (titles must match exactly; or give its number or id)", r.ref.title)
		case len(cards) == 0:
			msg = fmt.Sprintf("no card is %s", r.ref)
		case len(cards) > 1:
			msg = fmt.Sprintf("%d cards are titled %q; give the card's number (closeloop-N) or id instead", len(cards), r.ref.title)
		case cards[0].ArchivedAt != nil:
			msg = "the card is archived; it takes no new requests"
		}
		if msg != "" {
			res.Errors = append(res.Errors, RowError{Row: r.Row, Line: r.Line, Field: "card", Message: msg})
			continue
		}
		r.card = cards[0]
		out = append(out, r)
	}
	return out, nil
}

func keysOf[K comparable](m map[K]bool) []any {
	out := make([]any, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
