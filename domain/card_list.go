package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// CardSort orders a card list.
type CardSort string

const (
	SortPosition CardSort = "position" // board order: column position, card position, id
	SortDemand   CardSort = "demand"   // most requesters first, then newest, then id
	SortRecent   CardSort = "recent"   // last changed first, then id
)

// CardFilter selects the live (not archived) cards of a board; zero fields select all.
//
// Query matches either the full-text `search` column (websearch_to_tsquery('simple', …):
// whole words in the title or description, quoted phrases, -exclusions) or a substring
// of the title (ILIKE, served by the trigram index), so a half-typed word still finds
// its card.
type CardFilter struct {
	ColumnID *uuid.UUID
	Kind     *CardKind
	Query    string
	Label    string
	Owner    *uuid.UUID // cards this member owns
	Archived bool       // the archived cards instead of the live ones (sorted recent or demand)
	Sort     CardSort   // "" is SortPosition
	Page
}

// cardCursor is the sort key of the last card of a page; which fields are set depends on Sort.
type cardCursor struct {
	Sort      CardSort  `json:"s"`
	ColumnPos int       `json:"cp,omitempty"`
	Position  string    `json:"p,omitempty"`
	Count     int       `json:"rc,omitempty"`
	At        time.Time `json:"t,omitzero"`
	ID        uuid.UUID `json:"id"`
}

// valid: a position this list can have made (PostgreSQL compares the numbers as
// integer and the time as timestamptz; out of range would fail the query).
func (k *cardCursor) valid(sort CardSort) bool {
	return k.Sort == sort && k.ID != uuid.Nil && storableInt(k.ColumnPos) && storableInt(k.Count) && storableTime(k.At)
}

// cardRow is a card with the position of its column (the first key of SortPosition).
type cardRow struct {
	Card           `gorm:"embedded"`
	ColumnPosition int
}

// ListCards returns a page of a board's cards. Every sort is a keyset walk over an
// index of 00001 (see card_list_sql.go), so deep pages cost what the first one does.
func (s *Service) ListCards(ctx context.Context, boardID uuid.UUID, f CardFilter) (List[Card], error) {
	p := Problems{}
	limit := f.limit(p)
	if f.Sort == "" {
		f.Sort = SortPosition
	}
	if f.Archived && f.Sort == SortPosition {
		// Archived cards keep the positions they had, which need not be unique: the
		// archive reads most recently archived (changed) first.
		f.Sort = SortRecent
	}
	if f.Sort != SortPosition && f.Sort != SortDemand && f.Sort != SortRecent {
		p.Add("sort", "must be one of position, demand, recent")
	}
	if f.Kind != nil {
		checkKind(p, *f.Kind)
	}
	f.Query = checkLine(p, "q", f.Query, 0, 200)
	f.Label = checkLine(p, "label", f.Label, 0, maxLabelLen*maxLabels+maxLabels)
	var after cardCursor
	hasCursor := f.after(p, &after, func() bool { return after.valid(f.Sort) })
	if err := p.Err(); err != nil {
		return List[Card]{}, err
	}
	if err := s.db.conn(ctx).Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
		return List[Card]{}, storeErr(err, "board")
	}
	if f.ColumnID != nil {
		col, err := s.column(ctx, *f.ColumnID)
		switch {
		case KindOf(err) == KindNotFound:
			return List[Card]{}, Invalid("column_id", "is not a column of this board")
		case err != nil:
			return List[Card]{}, err
		case col.BoardID != boardID:
			return List[Card]{}, Invalid("column_id", "is not a column of this board")
		}
	}
	var cursor *cardCursor
	if hasCursor {
		cursor = &after
	}
	query, args := cardListSQL(boardID, f, cursor, limit+1)
	rows, err := s.scanCardRows(ctx, query, args)
	if err != nil {
		return List[Card]{}, err
	}
	return listOf(rows, limit, func(r cardRow) any { return cursorAfter(f.Sort, r) },
		func(r cardRow) Card { return r.Card }), nil
}

// scanCardRows runs a card list query and scans its rows field by field: a board page
// is up to 201 cards, and GORM's reflective Scan cost more CPU than the query itself.
func (s *Service) scanCardRows(ctx context.Context, query string, args []any) ([]cardRow, error) {
	rs, err := s.db.conn(ctx).Raw(query, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var rows []cardRow
	for rs.Next() {
		var r cardRow
		dest := cardDest(&r.Card, &r.ColumnPosition)
		if err := rs.Scan(dest[:len(cols)]...); err != nil { // column_position comes with SortPosition only
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, rs.Err()
}

// cardDest is where rs.Scan puts the columns of cardFields, in their order, then more.
func cardDest(c *Card, more ...any) []any {
	return append(append(make([]any, 0, 20+len(more)), &c.ID, &c.Number, &c.BoardID, &c.ColumnID, &c.Kind, &c.Title,
		&c.Description, &c.Labels, &c.Position, &c.Version, &c.RequesterCount, &c.ReactionsYes, &c.ReactionsNo, &c.ReleaseNote,
		&c.ShippedAt, &c.ArchivedAt, &c.MergedIntoID, &c.CreatedAt, &c.UpdatedAt, &c.OwnerID), more...)
}

// cursorAfter is the sort key of row under sort.
func cursorAfter(sort CardSort, row cardRow) cardCursor {
	c := cardCursor{Sort: sort, ID: row.ID}
	switch sort {
	case SortPosition:
		c.ColumnPos, c.Position = row.ColumnPosition, row.Position
	case SortDemand:
		c.Count, c.At = row.RequesterCount, row.CreatedAt
	case SortRecent:
		c.At = row.UpdatedAt
	}
	return c
}

// likePattern matches q anywhere, with LIKE's wildcards in q taken literally.
func likePattern(q string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q) + "%"
}
