package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// ShippedCard is what the public page of a shipped card shows, and nothing more:
// the link in every shipped email points there, and anyone may open it.
type ShippedCard struct {
	ID          uuid.UUID
	Title       string
	ReleaseNote string
	ShippedAt   time.Time
}

// ShippedCard returns a card that shipped and still sits in a done column; any other
// card, archived or moved back out of done, is not found, so the page never claims
// something shipped that no longer is.
func (s *Service) ShippedCard(ctx context.Context, id uuid.UUID) (ShippedCard, error) {
	var rows []ShippedCard
	err := s.db.conn(ctx).Raw(`SELECT c.id, c.title, c.release_note, c.shipped_at
FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.id = ? AND c.shipped_at IS NOT NULL AND c.archived_at IS NULL AND col.stage = 'done'`, id).Scan(&rows).Error
	if err != nil {
		return ShippedCard{}, err
	}
	if len(rows) == 0 {
		return ShippedCard{}, NotFound("card")
	}
	return rows[0], nil
}
