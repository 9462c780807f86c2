package domain

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"
)

// StatusNotifier emails a card's requesters that it moved into a planned, in-progress
// or declined column (issue 12). Like the Notifier it is called inside the move's
// transaction and only enqueues (one fan-out job, O(1) in requesters); deliveries are
// unique per (card, requester, kind), so a move out and back, or two moves at once,
// email nobody twice. The notifier implements it; without it a move emails nobody.
type StatusNotifier interface {
	CardStatusChanged(ctx context.Context, tx *sql.Tx, cardID uuid.UUID, kind string) error
}

const maxMoveNote = 2000

// statusKind is the email kind of a move into a column of stage st, or "" for none.
func statusKind(st Stage) string {
	switch st {
	case StagePlanned:
		return EmailPlanned
	case StageInProgress:
		return EmailInProgress
	case StageDeclined:
		return EmailDeclined
	}
	return ""
}

// notifyStatus records the move's note for {{note}} of kind and enqueues the emails,
// inside the move's transaction.
func (s *Service) notifyStatus(ctx context.Context, cardID uuid.UUID, kind, note string) error {
	if err := s.db.conn(ctx).Exec(`
INSERT INTO card_status_notes (card_id, kind, note, updated_at) VALUES (?, ?, ?, now())
ON CONFLICT (card_id, kind) DO UPDATE SET note = EXCLUDED.note, updated_at = now()`, cardID, kind, note).Error; err != nil {
		return err
	}
	if kind == EmailShipped {
		return nil // shipping enqueues its own fan-out
	}
	sn, ok := s.notifier.(StatusNotifier)
	if !ok {
		return nil
	}
	tx, err := sqlTx(ctx)
	if err != nil {
		return err
	}
	if err := sn.CardStatusChanged(ctx, tx, cardID, kind); err != nil {
		return fmt.Errorf("notify %s card %s: %w", kind, cardID, err)
	}
	return nil
}
