package domain

import (
	"context"

	"github.com/google/uuid"
)

// CountCards is how many live cards of the board match f's filters (column, kind,
// label, search), whatever the page: the true count a column shows while only its
// first cards are loaded. Call it after ListCards, which checks f.
func (s *Service) CountCards(ctx context.Context, boardID uuid.UUID, f CardFilter) (int, error) {
	w := cardFilterConds(f)
	sql := "SELECT count(*) FROM cards c WHERE c.board_id = ? AND " + w.where()
	args := append([]any{boardID}, w.args...)
	if search := searchCond(f); search != nil {
		sql += " AND " + search.where()
		args = append(args, search.args...)
	}
	var n int
	err := s.db.conn(ctx).Raw(sql, args...).Scan(&n).Error
	return n, err
}
