package domain

import (
	"context"

	"github.com/google/uuid"
)

// slot returns the positions the moving card must go between in the column ("" is an
// open end). The card itself is left out, so moving it next to where it already is
// works. The caller holds the column lock, so these neighbours are current.
func (s *Service) slot(ctx context.Context, columnID, cardID uuid.UUID, m Move) (lo, hi string, err error) {
	switch {
	case m.BeforeID != nil:
		if hi, err = s.neighbour(ctx, "before_id", *m.BeforeID, columnID, cardID); err != nil {
			return "", "", err
		}
		lo, err = s.positionNext(ctx, columnID, cardID, hi, "<")
		return lo, hi, err
	case m.AfterID != nil:
		if lo, err = s.neighbour(ctx, "after_id", *m.AfterID, columnID, cardID); err != nil {
			return "", "", err
		}
		hi, err = s.positionNext(ctx, columnID, cardID, lo, ">")
		return lo, hi, err
	}
	lo, err = s.lastPosition(ctx, columnID, cardID)
	return lo, "", err
}

// neighbour returns the position of the live card id, which must be in the column.
func (s *Service) neighbour(ctx context.Context, field string, id, columnID, cardID uuid.UUID) (string, error) {
	if id == cardID {
		return "", Invalid(field, "must be another card than the one being moved")
	}
	var pos []string
	err := s.db.conn(ctx).Model(&Card{}).Where("id = ? AND column_id = ? AND archived_at IS NULL", id, columnID).
		Pluck("position", &pos).Error
	if err != nil {
		return "", err
	}
	if len(pos) == 0 {
		return "", Invalid(field, "is not a card in the target column")
	}
	return pos[0], nil
}

// positionNext returns the nearest live position below (op "<") or above (op ">") pos
// in the column, leaving cardID out; "" when there is none. Served by the
// (column_id, position) index.
func (s *Service) positionNext(ctx context.Context, columnID, cardID uuid.UUID, pos, op string) (string, error) {
	order := "position DESC"
	if op == ">" {
		order = "position"
	}
	var out []string
	err := s.db.conn(ctx).Model(&Card{}).
		Where("column_id = ? AND archived_at IS NULL AND id <> ? AND position "+op+" ?", columnID, cardID, pos).
		Order(order).Limit(1).Pluck("position", &out).Error
	if err != nil || len(out) == 0 {
		return "", err
	}
	return out[0], nil
}
