package domain

import (
	"context"

	"github.com/google/uuid"
)

// Live updates (GET /events, issue 13). Every change's Event is also a PostgreSQL
// notification on LiveChannel, heard after the change's commit by every replica's
// listener, or not at all: the change's transaction records the event (live.Publisher,
// the live_outbox table) and a publisher sends it once that has committed, many events
// per notifying transaction. The payload is small (ids only, far under NOTIFY's 8,000
// bytes): each replica reads the object once per event and fans it out to its browsers.

// LiveChannel is the LISTEN/NOTIFY channel of live events.
const LiveChannel = "closeloop_events"

// EventDeliveryProgress: a shipped card's deliveries moved on (the notifier's recorder
// sends it, a few times a second at most per card).
const EventDeliveryProgress = "delivery.progress"

// LiveNotifySQL sends one live event at once, outside any change (the notifier's
// delivery progress, best effort): $1 type, $2 board, $3 card, $4 requester, $5 from
// column (NULL when not known), $6 actor. The id comes from live_event_seq, as the ids of
// the events changes record do, so it is the same on every replica (a browser
// reconnecting to another one catches up from it).
const LiveNotifySQL = `SELECT pg_notify('` + LiveChannel + `', json_build_object('id', nextval('live_event_seq'),
    't', $1::text, 'b', $2::uuid, 'c', $3::uuid, 'r', $4::uuid, 'f', $5::uuid, 'a', $6::text)::text)`

// LiveEvent is an event as a listener hears it, after its commit.
type LiveEvent struct {
	ID          int64     `json:"id"`
	Type        string    `json:"t"`
	BoardID     uuid.UUID `json:"b"`
	CardID      uuid.UUID `json:"c"`
	RequesterID uuid.UUID `json:"r"`
	FromColumn  uuid.UUID `json:"f"`
	Actor       string    `json:"a"`
}

// CardDeliverySummary counts a card's deliveries by status (for delivery.progress).
func (s *Service) CardDeliverySummary(ctx context.Context, cardID uuid.UUID) (DeliverySummary, error) {
	return s.deliverySummary(ctx, "d.card_id = ?", cardID)
}
