package domain

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/google/uuid"
)

// CardsVersion is the board's cards_version: it changes, in the same transaction,
// with anything a list of the board's cards shows (migrations/00060): the boards
// row's counter plus the per-session slots of 00650, which every change adds to
// without locking the board. A page made while it had one value is still right
// while it has it. NotFound for a board that does not exist.
func (s *Service) CardsVersion(ctx context.Context, boardID uuid.UUID) (int64, error) {
	// Straight to the connection pool: this runs on every board view, and GORM's
	// statement machinery cost more than the query.
	var v int64
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx, cardsVersionSQL, boardID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, NotFound("board")
	}
	return v, err
}

// cardsVersionExpr is the version of the boards row b.
const cardsVersionExpr = `b.cards_version + COALESCE((SELECT sum(v.version) FROM board_cards_versions v WHERE v.board_id = b.id), 0)::bigint`

const cardsVersionSQL = `SELECT ` + cardsVersionExpr + ` FROM boards b WHERE b.id = $1`

// boardCardsVersion asks an authentication statement (TokenActorCardsVersion,
// SessionActorCardsVersion) for a board's cards_version too: the board view asks both
// on every request, and one round trip is cheaper than two.
type boardCardsVersion struct {
	boardID uuid.UUID
	dst     *sql.NullInt64 // NULL: no such board
}

// cardsVersionOf is the version as a scalar subquery of the board parameter $n.
func cardsVersionOf(n int) string {
	return `(SELECT ` + cardsVersionExpr + ` FROM boards b WHERE b.id = $` + strconv.Itoa(n) + `)`
}
