package domain

import (
	"context"
	"database/sql"
	"errors"

	"github.com/google/uuid"
)

// CardsVersion is the board's cards_version: it changes, in the same transaction,
// with anything a list of the board's cards shows (migrations/00060), so a page
// made while it had one value is still right while it has it. NotFound for a board
// that does not exist.
func (s *Service) CardsVersion(ctx context.Context, boardID uuid.UUID) (int64, error) {
	// Straight to the connection pool: this runs on every board view, and GORM's
	// statement machinery cost more than the query.
	var v int64
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx, `SELECT cards_version FROM boards WHERE id = $1`, boardID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, NotFound("board")
	}
	return v, err
}
