package domain

import (
	"context"

	"github.com/google/uuid"
)

type boardRow struct {
	Board    `gorm:"embedded"`
	SortName string
}

// ListBoards returns a page of boards, ordered by name (case-insensitive), then id,
// with their columns (two queries, whatever the size).
func (s *Service) ListBoards(ctx context.Context, page Page) (List[Board], error) {
	p := Problems{}
	limit := page.limit(p)
	var after nameKey
	hasCursor := page.after(p, &after, after.valid)
	if err := p.Err(); err != nil {
		return List[Board]{}, err
	}
	q := s.db.conn(ctx).Table("boards").Select("*, lower(name) AS sort_name")
	if hasCursor {
		q = q.Where("(lower(name), id) > (?, ?)", after.Name, after.ID)
	}
	var rows []boardRow
	// lower(name) matches the boards_name_idx expression, so the index serves order and cursor.
	if err := q.Order("lower(name), id").Limit(limit + 1).Find(&rows).Error; err != nil {
		return List[Board]{}, err
	}
	// PostgreSQL's lower(), not Go's: the cursor must compare like the index does.
	list := listOf(rows, limit, func(r boardRow) any { return nameKey{Name: r.SortName, ID: r.ID} },
		func(r boardRow) Board { return r.Board })
	ids := make([]uuid.UUID, len(list.Items))
	for i, b := range list.Items {
		ids[i] = b.ID
	}
	cols, err := s.columnsOf(ctx, ids...)
	if err != nil {
		return List[Board]{}, err
	}
	for i := range list.Items {
		list.Items[i].Columns = cols[list.Items[i].ID]
	}
	return list, nil
}
