package domain

import (
	"context"
	"fmt"

	"github.com/google/uuid"
)

// Move says where a card goes: into ColumnID (any board's), just before BeforeID or
// just after AfterID (cards of that column), or at the end when neither is given.
type Move struct {
	ColumnID    uuid.UUID
	BeforeID    *uuid.UUID
	AfterID     *uuid.UUID
	ReleaseNote *string // stored whether or not the move ships the card
	IfMatch     *int
	// Notify emails the card's requesters when the move is into a planned, in-progress
	// or declined column, once per (card, requester, kind); Note fills {{note}} (also
	// of the shipped email when the move ships).
	Notify bool
	Note   *string
}

// MoveCard moves a card. It writes one card row: the new position is a key between
// the neighbours', so the column is never renumbered.
//
// Moving a live card into a done column for the first time ships it: shipped_at is
// set and the notifier is told inside this transaction, so the shipped emails are
// queued exactly when the move commits, and a notifier failure undoes the move.
// Later moves (out of done and back) keep the first shipped_at and notify nobody.
// Archived cards can be moved (to empty a column) but never ship.
func (s *Service) MoveCard(ctx context.Context, actor Actor, id uuid.UUID, m Move) (Card, error) {
	p := Problems{}
	if m.ColumnID == uuid.Nil {
		p.Add("column_id", "is required")
	}
	if m.BeforeID != nil && m.AfterID != nil {
		p.Add("before_id", "give before_id or after_id, not both")
	}
	var note string
	if m.ReleaseNote != nil {
		note = checkText(p, "release_note", *m.ReleaseNote, maxReleaseNote)
	}
	var moveNote string
	if m.Note != nil {
		moveNote = checkText(p, "note", *m.Note, maxMoveNote)
	}
	if err := p.Err(); err != nil {
		return Card{}, err
	}
	var card Card
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		// Lock order everywhere: the card, then the target column. Concurrent moves of one
		// card queue on the card; moves into one column queue on the column, so each sees
		// the positions the previous one committed.
		from, err := s.lockCard(ctx, id, m.IfMatch)
		if err != nil {
			return err
		}
		col, err := s.lockColumn(ctx, m.ColumnID)
		if KindOf(err) == KindNotFound {
			return Invalid("column_id", "is not an existing column")
		} else if err != nil {
			return err
		}
		lo, hi, err := s.slot(ctx, col.ID, id, m)
		if err != nil {
			return err
		}
		pos, err := rankBetween(lo, hi)
		if err != nil {
			return fmt.Errorf("move card %s: %w", id, err)
		}
		if len(pos) > maxRankLen {
			return Conflict("these two cards have had thousands of cards dropped between them and there is no " +
				"room left there; drop the card one place up or down")
		}
		changes := map[string]any{"column_id": col.ID, "board_id": col.BoardID, "position": pos}
		if m.ReleaseNote != nil {
			changes["release_note"] = note
		}
		ships := col.Stage == StageDone && from.ShippedAt == nil && from.ArchivedAt == nil
		if ships {
			changes["shipped_at"] = s.now()
		}
		if err := s.writeCard(ctx, id, changes); err != nil {
			return err
		}
		if card, err = s.Card(ctx, id); err != nil {
			return err
		}
		if err := s.recordMove(ctx, actor, from, card, ships); err != nil {
			return err
		}
		if err := s.publish(ctx, actor, Event{Type: EventCardMoved, FromColumn: from.ColumnID, Card: &card}); err != nil {
			return err
		}
		if kind := statusKind(col.Stage); m.Notify && kind != "" && from.ArchivedAt == nil {
			if err := s.notifyStatus(ctx, id, kind, moveNote); err != nil {
				return err
			}
		}
		if !ships {
			return nil
		}
		if m.Note != nil {
			if err := s.notifyStatus(ctx, id, EmailShipped, moveNote); err != nil {
				return err
			}
		}
		if err := s.publish(ctx, actor, Event{Type: EventCardShipped, FromColumn: from.ColumnID, Card: &card}); err != nil {
			return err
		}
		tx, err := sqlTx(ctx)
		if err != nil {
			return err
		}
		if err := s.notifier.CardShipped(ctx, tx, id); err != nil {
			return fmt.Errorf("notify shipped card %s: %w", id, err)
		}
		return nil
	})
	return card, err
}

func (s *Service) recordMove(ctx context.Context, actor Actor, from, to Card, shipped bool) error {
	action, detail := "moved", ActivityDetail{}
	if shipped {
		action = "shipped"
	}
	if from.BoardID != to.BoardID {
		detail["from_board_id"] = from.BoardID
	}
	if from.ReleaseNote != to.ReleaseNote {
		detail["release_note"] = true
	}
	return s.record(ctx, actor, to, action, &from.ColumnID, &to.ColumnID, detail)
}
