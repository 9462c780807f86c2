package domain

import (
	"context"

	"github.com/google/uuid"
)

// checkOwner: a card's owner is an active (not disabled) member; uuid.Nil clears it.
func (s *Service) checkOwner(ctx context.Context, id uuid.UUID) error {
	if id == uuid.Nil {
		return nil
	}
	var n int64
	if err := s.db.conn(ctx).Table("members").Where("id = ? AND disabled_at IS NULL", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return Invalid("owner_id", "is not an active member")
	}
	return nil
}

func sameOwner(current *uuid.UUID, next uuid.UUID) bool {
	if current == nil {
		return next == uuid.Nil
	}
	return *current == next
}

// ownerValue is what owner_id is written as: NULL for uuid.Nil.
func ownerValue(id uuid.UUID) any {
	if id == uuid.Nil {
		return nil
	}
	return id
}
