package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// PublicCard is what the public page of a card (/c/{id}) shows, and nothing more: the link in
// every email to its requesters points there, and anyone may open it. Stage is
// StageDone for a shipped card (with its release note and time), else the stage a
// status-change email told them about.
type PublicCard struct {
	ID          uuid.UUID
	Title       string
	ReleaseNote string
	ShippedAt   time.Time
	Stage       Stage
}

// PublicCard returns a card that shipped and still sits in a done column, or one in
// a planned, in-progress or declined column (the stages a status email links to; its
// release note is left out). Any other card — open, archived, moved back out of done
// — is not found, so the page never claims something shipped that no longer is.
func (s *Service) PublicCard(ctx context.Context, id uuid.UUID) (PublicCard, error) {
	var rows []PublicCard
	err := s.db.conn(ctx).Raw(`SELECT c.id, c.title, col.stage,
       CASE WHEN col.stage = 'done' THEN c.release_note ELSE '' END AS release_note,
       COALESCE(c.shipped_at, 'epoch') AS shipped_at
FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.id = ? AND c.archived_at IS NULL
  AND ((col.stage = 'done' AND c.shipped_at IS NOT NULL) OR col.stage IN ('planned', 'in_progress', 'declined'))`, id).Scan(&rows).Error
	if err != nil {
		return PublicCard{}, err
	}
	if len(rows) == 0 {
		return PublicCard{}, NotFound("card")
	}
	return rows[0], nil
}
