package domain

import (
	"context"
	"slices"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// CardPatch changes the fields that are not nil. IfMatch, when set, is the version
// the caller last saw: the change is refused (Stale) if the card moved on since.
type CardPatch struct {
	Title       *string
	Description *string
	Kind        *CardKind
	Labels      *[]string
	ReleaseNote *string
	// Owner sets the card's owner (an active member); a pointer to uuid.Nil clears it.
	Owner   *uuid.UUID
	IfMatch *int
}

// UpdateCard edits a card. A patch that changes nothing leaves the version alone.
func (s *Service) UpdateCard(ctx context.Context, actor Actor, id uuid.UUID, patch CardPatch) (Card, error) {
	p := Problems{}
	var title, description, note string
	var labels Labels
	if patch.Title != nil {
		title = checkLine(p, "title", *patch.Title, 1, maxTitle)
	}
	if patch.Description != nil {
		description = checkText(p, "description", *patch.Description, maxDescription)
	}
	if patch.Kind != nil {
		checkKind(p, *patch.Kind)
	}
	if patch.Labels != nil {
		labels = checkLabels(p, *patch.Labels)
	}
	if patch.ReleaseNote != nil {
		note = checkText(p, "release_note", *patch.ReleaseNote, maxReleaseNote)
	}
	if err := p.Err(); err != nil {
		return Card{}, err
	}
	var card Card
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if card, err = s.lockCard(ctx, id, patch.IfMatch); err != nil {
			return err
		}
		changes := map[string]any{}
		if patch.Title != nil && title != card.Title {
			changes["title"] = title
		}
		if patch.Description != nil && description != card.Description {
			changes["description"] = description
		}
		if patch.Kind != nil && *patch.Kind != card.Kind {
			changes["kind"] = *patch.Kind
		}
		if patch.Labels != nil && !slices.Equal(labels, card.Labels) {
			changes["labels"] = labels
		}
		if patch.ReleaseNote != nil && note != card.ReleaseNote {
			changes["release_note"] = note
		}
		if patch.Owner != nil && !sameOwner(card.OwnerID, *patch.Owner) {
			if err := s.checkOwner(ctx, *patch.Owner); err != nil {
				return err
			}
			changes["owner_id"] = ownerValue(*patch.Owner)
		}
		if len(changes) == 0 {
			return nil
		}
		fields := make([]string, 0, len(changes))
		for f := range changes {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		if err := s.writeCard(ctx, id, changes); err != nil {
			return err
		}
		if card, err = s.Card(ctx, id); err != nil {
			return err
		}
		if err := s.record(ctx, actor, card, "edited", nil, nil, map[string]any{"fields": fields}); err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventCardUpdated, Card: &card})
	})
	return card, err
}

// ArchiveCard takes a card off the board. It keeps its column, requests and history,
// and can still be read and moved. Archiving an archived card changes nothing.
func (s *Service) ArchiveCard(ctx context.Context, actor Actor, id uuid.UUID, ifMatch *int) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		card, err := s.lockCard(ctx, id, ifMatch)
		if err != nil || card.ArchivedAt != nil {
			return err
		}
		if err := s.writeCard(ctx, id, map[string]any{"archived_at": s.now()}); err != nil {
			return err
		}
		if err := s.record(ctx, actor, card, "archived", &card.ColumnID, nil, nil); err != nil {
			return err
		}
		if card, err = s.Card(ctx, id); err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventCardArchived, Card: &card})
	})
}

// writeCard applies changes to a locked card, bumping its version and updated_at.
func (s *Service) writeCard(ctx context.Context, id uuid.UUID, changes map[string]any) error {
	changes["version"] = gorm.Expr("version + 1")
	changes["updated_at"] = s.now()
	return storeErr(s.db.conn(ctx).Model(&Card{}).Where("id = ?", id).Updates(changes).Error, "card")
}
