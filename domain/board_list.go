package domain

import (
	"context"

	"github.com/google/uuid"
)

// BoardList is one page of boards, ordered by name (case-insensitive), then id.
type BoardList struct {
	Items      []Board
	NextCursor string // "" on the last page
}

type boardRow struct {
	Board    `gorm:"embedded"`
	SortName string
}

type boardCursor struct {
	Name string    `json:"n"`
	ID   uuid.UUID `json:"id"`
}

// ListBoards returns a page of boards with their columns (two queries, whatever the size).
func (s *Service) ListBoards(ctx context.Context, page Page) (BoardList, error) {
	p := Problems{}
	limit := page.limit(p)
	var after boardCursor
	hasCursor := decodeCursor(p, page.Cursor, &after, func() bool { return after.ID != uuid.Nil })
	if err := p.Err(); err != nil {
		return BoardList{}, err
	}
	q := s.db.conn(ctx).Table("boards").Select("*, lower(name) AS sort_name")
	if hasCursor {
		q = q.Where("(lower(name), id) > (?, ?)", after.Name, after.ID)
	}
	var rows []boardRow
	// lower(name) matches the boards_name_idx expression, so the index serves order and cursor.
	if err := q.Order("lower(name), id").Limit(limit + 1).Find(&rows).Error; err != nil {
		return BoardList{}, err
	}
	var list BoardList
	if len(rows) > limit {
		rows = rows[:limit]
		// PostgreSQL's lower(), not Go's: the cursor must compare like the index does.
		list.NextCursor = encodeCursor(boardCursor{Name: rows[limit-1].SortName, ID: rows[limit-1].ID})
	}
	boards := make([]Board, len(rows))
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		boards[i], ids[i] = r.Board, r.ID
	}
	cols, err := s.columnsOf(ctx, ids...)
	if err != nil {
		return BoardList{}, err
	}
	for i := range boards {
		boards[i].Columns = cols[boards[i].ID]
	}
	list.Items = boards
	return list, nil
}
