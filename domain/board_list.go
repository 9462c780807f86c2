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
	ks, err := checkPage[nameKey](page)
	if err != nil {
		return List[Board]{}, err
	}
	// lower(name) matches the boards_name_idx expression, so the index serves order and cursor.
	list, err := byName(s.db.conn(ctx).Table("boards"), ks, func(r boardRow) nameKey { return nameKey{Name: r.SortName, ID: r.ID} },
		func(r boardRow) Board { return r.Board })
	if err != nil {
		return List[Board]{}, err
	}
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
