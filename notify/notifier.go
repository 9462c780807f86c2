package notify

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"
)

// CardShipped is called inside the transaction that ships the card. It inserts one
// fan-out job on that transaction and nothing else, so its cost does not depend on
// how many people asked, and a rolled-back move leaves no trace.
func (s *Service) CardShipped(ctx context.Context, tx *sql.Tx, cardID uuid.UUID) error {
	if _, err := s.inserter.InsertTx(ctx, tx, fanoutArgs{CardID: cardID, Event: kindShipped}, nil); err != nil {
		return fmt.Errorf("notify: enqueue fan-out of card %s: %w", cardID, err)
	}
	return nil
}

// RequesterJoinedShippedCard is called inside the transaction that links a requester
// to a card that already shipped: the same fan-out, narrowed to that one requester.
// If the card's own fan-out has not reached them yet, the unique delivery row makes
// sure only one of the two sends.
func (s *Service) RequesterJoinedShippedCard(ctx context.Context, tx *sql.Tx, cardID, requesterID uuid.UUID) error {
	args := fanoutArgs{CardID: cardID, Event: kindShipped, RequesterID: &requesterID}
	if _, err := s.inserter.InsertTx(ctx, tx, args, nil); err != nil {
		return fmt.Errorf("notify: enqueue shipped email of card %s to requester %s: %w", cardID, requesterID, err)
	}
	return nil
}

// CardStatusChanged is called inside the transaction of a move into a planned,
// in-progress or declined column that asked to email the requesters: the same
// fan-out as shipping, of the kind's deliveries.
func (s *Service) CardStatusChanged(ctx context.Context, tx *sql.Tx, cardID uuid.UUID, kind string) error {
	if _, err := s.inserter.InsertTx(ctx, tx, fanoutArgs{CardID: cardID, Event: kind}, nil); err != nil {
		return fmt.Errorf("notify: enqueue %s fan-out of card %s: %w", kind, cardID, err)
	}
	return nil
}
