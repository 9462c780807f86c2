package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

type deliveryRow struct {
	ID          uuid.UUID
	CardID      uuid.UUID
	CardTitle   string
	RequesterID *uuid.UUID
	Email       string
	Kind        string
	Status      string
	Attempts    int
	LastError   string
	QueuedAt    time.Time
	SentAt      *time.Time
}

// deliveryOwnerExists makes a list of an unknown card or requester a 404, not an
// empty list.
func (s *Service) deliveryOwnerExists(ctx context.Context, table, what string, id uuid.UUID) error {
	var n int64
	if err := s.db.conn(ctx).Raw(`SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return NotFound(what)
	}
	return nil
}

// listDeliveries reads one page and the summary of every delivery matching owner.
// Ids are UUIDv7, so id order (the cursor's key) is the order deliveries were queued in.
// A card's deliveries are found through deliveries_card_requester_kind_key and sorted
// by id (tens of thousands of rows at most: milliseconds); a requester's come in
// order from deliveries_requester_idx. (Status is left out of every index so that
// the notifier's status updates write no index.)
func (s *Service) listDeliveries(ctx context.Context, owner string, ownerID uuid.UUID, q deliveryQuery, newestFirst bool) (DeliveryList, error) {
	db := s.db.conn(ctx)
	sql := `SELECT d.id, d.card_id, c.title AS card_title, d.requester_id, d.email, d.kind, d.status,
       d.attempts, d.last_error, d.queued_at, d.sent_at
FROM deliveries d JOIN cards c ON c.id = d.card_id
WHERE ` + owner
	args := []any{ownerID}
	if q.status != "" {
		sql += ` AND d.status = ?`
		args = append(args, q.status)
	}
	order := ` ORDER BY d.id`
	if newestFirst {
		order = ` ORDER BY d.id DESC`
	}
	if q.after != nil {
		if newestFirst {
			sql += ` AND d.id < ?`
		} else {
			sql += ` AND d.id > ?`
		}
		args = append(args, *q.after)
	}
	sql += order + ` LIMIT ?`
	args = append(args, q.limit+1)
	var rows []deliveryRow
	if err := db.Raw(sql, args...).Scan(&rows).Error; err != nil {
		return DeliveryList{}, err
	}
	out := DeliveryList{List: listOf(rows, q.limit, func(r deliveryRow) any { return idKey{ID: r.ID} },
		func(r deliveryRow) Delivery { return Delivery(r) })}
	var err error
	out.Summary, err = s.deliverySummary(ctx, owner, ownerID)
	return out, err
}

func (s *Service) deliverySummary(ctx context.Context, owner string, ownerID uuid.UUID) (DeliverySummary, error) {
	var counts []struct {
		Status string
		N      int
	}
	err := s.db.conn(ctx).Raw(`SELECT d.status, count(*) AS n FROM deliveries d WHERE `+owner+` GROUP BY d.status`, ownerID).
		Scan(&counts).Error
	var sum DeliverySummary
	for _, c := range counts {
		switch c.Status {
		case DeliveryQueued:
			sum.Queued += c.N
		case DeliverySent:
			sum.Sent += c.N
		case DeliveryFailed:
			sum.Failed += c.N
		case DeliverySuppressed:
			sum.Suppressed += c.N
		}
	}
	return sum, err
}
