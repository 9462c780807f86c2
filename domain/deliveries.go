package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// Delivery statuses. A delivery is one email to one requester about one card event;
// the notifier moves it from queued to sent (or failed), or records it as suppressed
// when the person unsubscribed, bounced or was erased. (While a sender works on a
// delivery it stays queued: the notifier leases whole batches, not rows.)
const (
	DeliveryQueued     = "queued"
	DeliverySent       = "sent"
	DeliveryFailed     = "failed"
	DeliverySuppressed = "suppressed"
)

// Delivery is one row of a card's or a requester's delivery list.
type Delivery struct {
	ID          uuid.UUID
	CardID      uuid.UUID
	CardTitle   string
	RequesterID *uuid.UUID // nil once the requester was erased
	Email       string     // "" once the requester was erased
	Kind        string     // "shipped"
	Status      string     // queued, sent, failed or suppressed
	Attempts    int
	LastError   string // SMTP answer of a failure, or why it was suppressed
	QueuedAt    time.Time
	SentAt      *time.Time
}

// DeliverySummary counts deliveries by status; the four add up to every delivery.
type DeliverySummary struct {
	Queued, Sent, Failed, Suppressed int
}

// DeliveryFilter narrows and pages a delivery list. Status "" means all.
type DeliveryFilter struct {
	Status string
	Page
}

// DeliveryList is a page of deliveries with the summary of the whole list.
type DeliveryList struct {
	Summary DeliverySummary
	List[Delivery]
}

// CardDeliveries lists a card's deliveries in the order they were queued, with counts
// by status.
func (s *Service) CardDeliveries(ctx context.Context, cardID uuid.UUID, f DeliveryFilter) (DeliveryList, error) {
	q, err := f.query()
	if err != nil {
		return DeliveryList{}, err
	}
	if err := s.deliveryOwnerExists(ctx, "cards", "card", cardID); err != nil {
		return DeliveryList{}, err
	}
	return s.listDeliveries(ctx, "d.card_id = ?", cardID, q, false)
}

// RequesterDeliveries lists the emails one requester was sent (or not), newest first.
func (s *Service) RequesterDeliveries(ctx context.Context, requesterID uuid.UUID, f DeliveryFilter) (DeliveryList, error) {
	q, err := f.query()
	if err != nil {
		return DeliveryList{}, err
	}
	if err := s.deliveryOwnerExists(ctx, "requesters", "requester", requesterID); err != nil {
		return DeliveryList{}, err
	}
	return s.listDeliveries(ctx, "d.requester_id = ?", requesterID, q, true)
}

// deliveryQuery is a checked DeliveryFilter.
type deliveryQuery struct {
	status string // "" = all
	limit  int
	after  *uuid.UUID
}

func (f DeliveryFilter) query() (deliveryQuery, error) {
	p := Problems{}
	q := deliveryQuery{limit: f.limit(p)}
	switch f.Status {
	case "", DeliveryQueued, DeliverySent, DeliveryFailed, DeliverySuppressed:
		q.status = f.Status
	default:
		p.Add("status", "must be one of queued, sent, failed, suppressed")
	}
	var after idKey
	if f.after(p, &after, after.valid) {
		q.after = &after.ID
	}
	return q, p.Err()
}
