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

// Teammate is a member as the rest of the team sees them: who a card can be given to.
type Teammate struct {
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
}

// Teammates lists the active members by name (for the owner picker; every role reads it).
func (s *Service) Teammates(ctx context.Context, page Page) (List[Teammate], error) {
	ks, err := checkPage[nameKey](page)
	if err != nil {
		return List[Teammate]{}, err
	}
	q := s.db.conn(ctx).Model(&Member{}).Where("disabled_at IS NULL")
	return byName(q, ks, func(r memberRow) nameKey { return nameKey{Name: r.SortName, ID: r.ID} },
		func(r memberRow) Teammate { return Teammate{ID: r.ID, Name: r.Name} })
}
