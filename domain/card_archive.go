package domain

import (
	"context"

	"github.com/google/uuid"
)

// Archive is the default removal: ArchiveCard (card_changes.go) takes a card off the
// board and keeps everything; RestoreCard puts it back; DeleteCardForever removes an
// archived card and all that hangs off it.

// RestoreCard puts an archived card back at the end of its column. A card merged into
// another comes back with an unmerge instead. Restoring a live card changes nothing.
func (s *Service) RestoreCard(ctx context.Context, actor Actor, id uuid.UUID, ifMatch *int) (Card, error) {
	var card Card
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if card, err = s.lockCard(ctx, id, ifMatch); err != nil || card.ArchivedAt == nil {
			return err
		}
		if card.MergedIntoID != nil {
			return Conflict("this card is merged into another: unmerge it (POST /cards/%s/unmerge) to bring it back", id)
		}
		// The column lock orders this with moves and creates into the column (positions stay unique).
		if _, err := s.lockColumn(ctx, card.ColumnID); err != nil {
			return err
		}
		last, err := s.lastPosition(ctx, card.ColumnID, id)
		if err != nil {
			return err
		}
		pos, err := rankBetween(last, "")
		if err != nil {
			return err
		}
		if err := s.writeCard(ctx, id, map[string]any{"archived_at": nil, "position": pos}); err != nil {
			return err
		}
		if card, err = s.Card(ctx, id); err != nil {
			return err
		}
		if err := s.record(ctx, actor, card, "restored", nil, &card.ColumnID, nil); err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventCardUpdated, Card: &card})
	})
	return card, err
}

// DeleteCardForever deletes an archived card with its requests, conversations,
// comments, deliveries and history (the board keeps one line saying so). A live card
// is refused: archive it first, so nothing is lost by one click.
func (s *Service) DeleteCardForever(ctx context.Context, actor Actor, id uuid.UUID, ifMatch *int) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		card, err := s.lockCard(ctx, id, ifMatch)
		if err != nil {
			return err
		}
		if card.ArchivedAt == nil {
			return Conflict("only an archived card can be deleted for good: archive it first (POST /cards/%s/archive)", id)
		}
		if err := s.db.conn(ctx).Exec(`DELETE FROM cards WHERE id = ?`, id).Error; err != nil {
			return storeErr(err, "card")
		}
		act := Activity{ID: newID(), BoardID: &card.BoardID, Actor: actorOr(actor), Action: "card_deleted",
			Detail: ActivityDetail{"card_id": card.ID, "title": card.Title}, CreatedAt: s.now()}
		return s.db.conn(ctx).Create(&act).Error
	})
}
