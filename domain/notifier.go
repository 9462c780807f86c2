package domain

import (
	"context"
	"database/sql"

	"github.com/google/uuid"
)

// Notifier is told about events that email requesters. It is called inside the
// transaction that makes the event happen, with that transaction's *sql.Tx, so the
// work it enqueues commits or rolls back with the event. It must be fast: it may
// enqueue work but never send anything itself.
type Notifier interface {
	// CardShipped: the card moved into a done column for the first time.
	CardShipped(ctx context.Context, tx *sql.Tx, cardID uuid.UUID) error
	// RequesterJoinedShippedCard: a requester was linked to a card that had already shipped.
	RequesterJoinedShippedCard(ctx context.Context, tx *sql.Tx, cardID, requesterID uuid.UUID) error
}

// NopNotifier does nothing; it is the default until a real notifier is injected.
type NopNotifier struct{}

func (NopNotifier) CardShipped(context.Context, *sql.Tx, uuid.UUID) error { return nil }
func (NopNotifier) RequesterJoinedShippedCard(context.Context, *sql.Tx, uuid.UUID, uuid.UUID) error {
	return nil
}
