package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// RoadmapCard is what the public pages show of a card, and nothing more: no
// requester, no count, no label, no quote.
type RoadmapCard struct {
	ID          uuid.UUID
	Title       string
	Description string
	ReleaseNote string
	Stage       Stage
	ShippedAt   *time.Time
	UpdatedAt   time.Time
}

// Roadmap is a public board's planned, in-progress and recently shipped cards.
type Roadmap struct {
	Board      Board
	Planned    []RoadmapCard
	InProgress []RoadmapCard
	Shipped    []RoadmapCard // newest first
}

const (
	// RecentlyShipped is how far back the roadmap's "recently shipped" reaches.
	RecentlyShipped = 90 * 24 * time.Hour
	maxRoadmapCards = 100 // per stage on the roadmap, and on the changelog
	maxRecentCards  = 20
)

// PublicBoard returns the public board at slug; a board that is not public (or no
// board) is not found, so the roadmap, changelog and feed of a private board 404.
func (s *Service) PublicBoard(ctx context.Context, slug string) (Board, error) {
	var b Board
	err := s.db.conn(ctx).Where("slug = ? AND public", slug).Take(&b).Error
	return b, storeErr(err, "roadmap")
}

// Roadmap returns the public roadmap at slug, in column and card order.
func (s *Service) Roadmap(ctx context.Context, slug string) (Roadmap, error) {
	b, err := s.PublicBoard(ctx, slug)
	if err != nil {
		return Roadmap{}, err
	}
	out := Roadmap{Board: b}
	var open []RoadmapCard
	err = s.db.conn(ctx).Raw(`SELECT c.id, c.title, c.description, c.release_note, col.stage, c.shipped_at, c.updated_at
FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.board_id = ? AND c.archived_at IS NULL AND col.stage IN ('planned', 'in_progress')
ORDER BY col.position, c.position, c.id LIMIT ?`, b.ID, 2*maxRoadmapCards).Scan(&open).Error
	if err != nil {
		return Roadmap{}, err
	}
	for _, c := range open {
		if c.Stage == StagePlanned && len(out.Planned) < maxRoadmapCards {
			out.Planned = append(out.Planned, c)
		} else if c.Stage == StageInProgress && len(out.InProgress) < maxRoadmapCards {
			out.InProgress = append(out.InProgress, c)
		}
	}
	out.Shipped, err = s.shippedCards(ctx, b.ID, s.now().Add(-RecentlyShipped), maxRecentCards)
	return out, err
}

// Changelog returns the public board at slug and its shipped cards, newest first.
func (s *Service) Changelog(ctx context.Context, slug string) (Board, []RoadmapCard, error) {
	b, err := s.PublicBoard(ctx, slug)
	if err != nil {
		return Board{}, nil, err
	}
	cards, err := s.shippedCards(ctx, b.ID, time.Time{}, maxRoadmapCards)
	return b, cards, err
}

// shippedCards are the board's cards that shipped (since, if not zero) and still sit
// in a done column, as the public card page requires.
func (s *Service) shippedCards(ctx context.Context, boardID uuid.UUID, since time.Time, limit int) ([]RoadmapCard, error) {
	var out []RoadmapCard
	err := s.db.conn(ctx).Raw(`SELECT c.id, c.title, c.description, c.release_note, col.stage, c.shipped_at, c.updated_at
FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.board_id = ? AND c.archived_at IS NULL AND col.stage = 'done' AND c.shipped_at >= ?
ORDER BY c.shipped_at DESC, c.id DESC LIMIT ?`, boardID, since, limit).Scan(&out).Error
	return out, err
}

// PublicCardBoard returns the public board a card sits on, for the shipped card's
// page to link its changelog; ok is false when the board is not public.
func (s *Service) PublicCardBoard(ctx context.Context, cardID uuid.UUID) (b Board, ok bool, err error) {
	var rows []Board
	err = s.db.conn(ctx).Raw(`SELECT b.* FROM boards b JOIN cards c ON c.board_id = b.id WHERE c.id = ? AND b.public`, cardID).
		Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return Board{}, false, err
	}
	return rows[0], true, nil
}
