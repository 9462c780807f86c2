package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// Webhook delivery statuses.
const (
	WebhookPending   = "pending"
	WebhookSucceeded = "succeeded"
	WebhookFailed    = "failed"
)

// WebhookDelivery is one event on its way to one webhook, with its attempts so far.
// The webhooks package writes these rows; this file reads them for the log.
type WebhookDelivery struct {
	ID            uuid.UUID
	WebhookID     uuid.UUID
	EventType     string
	Status        string
	Attempts      int
	LastStatus    *int // the receiver's HTTP status of the last attempt (nil: no answer)
	LastError     string
	NextAttemptAt *time.Time
	CreatedAt     time.Time
}

func (WebhookDelivery) TableName() string { return "webhook_deliveries" }

const webhookDeliveryFields = "id, webhook_id, event_type, status, attempts, last_status, last_error, next_attempt_at, created_at"

// ListWebhookDeliveries returns a page of a webhook's delivery log, newest first.
func (s *Service) ListWebhookDeliveries(ctx context.Context, webhookID uuid.UUID, page Page) (List[WebhookDelivery], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[WebhookDelivery]{}, err
	}
	if _, err := s.Webhook(ctx, webhookID); err != nil {
		return List[WebhookDelivery]{}, err
	}
	q := s.db.conn(ctx).Model(&WebhookDelivery{}).Select(webhookDeliveryFields).Where("webhook_id = ?", webhookID)
	return newestFirst(q, "created_at", "id", pg,
		func(d WebhookDelivery) timeKey { return timeKey{At: d.CreatedAt, ID: d.ID} })
}

func (s *Service) webhookDelivery(ctx context.Context, webhookID, id uuid.UUID) (WebhookDelivery, error) {
	var d WebhookDelivery
	err := s.db.conn(ctx).Select(webhookDeliveryFields).Where("id = ? AND webhook_id = ?", id, webhookID).Take(&d).Error
	return d, storeErr(err, "delivery")
}

// RetryWebhookDelivery sends a delivery again now, starting a new round of the retry
// schedule. One still pending is already on its way: 409.
func (s *Service) RetryWebhookDelivery(ctx context.Context, webhookID, id uuid.UUID) (WebhookDelivery, error) {
	if s.webhooks == nil {
		return WebhookDelivery{}, Conflict("outbound webhooks are not running on this server")
	}
	var d WebhookDelivery
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var w Webhook
		err := s.db.conn(ctx).Raw(`SELECT * FROM webhooks WHERE id = ? FOR SHARE`, webhookID).Scan(&w).Error
		if err != nil {
			return err
		}
		if w.ID == uuid.Nil {
			return NotFound("webhook")
		}
		if d, err = s.webhookDelivery(ctx, webhookID, id); err != nil {
			return err
		}
		now := s.now()
		// Only one retry of a finished delivery wins: the row turns pending here.
		res := s.db.conn(ctx).Exec(`UPDATE webhook_deliveries SET status = 'pending', round_start = attempts,
			next_attempt_at = ?, updated_at = ? WHERE id = ? AND status <> 'pending'`, now, now, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return Conflict("this delivery is still being tried; its next attempt is at next_attempt_at")
		}
		d.Status, d.NextAttemptAt = WebhookPending, &now
		tx, err := sqlTx(ctx)
		if err != nil {
			return err
		}
		return s.webhooks.Enqueue(ctx, tx, id)
	})
	return d, err
}

// TestWebhook sends a webhook.test delivery to the webhook (whatever its events).
func (s *Service) TestWebhook(ctx context.Context, webhookID uuid.UUID) (WebhookDelivery, error) {
	if s.webhooks == nil {
		return WebhookDelivery{}, Conflict("outbound webhooks are not running on this server")
	}
	var d WebhookDelivery
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		w, err := s.Webhook(ctx, webhookID)
		if err != nil {
			return err
		}
		tx, err := sqlTx(ctx)
		if err != nil {
			return err
		}
		id, err := s.webhooks.SendTest(ctx, tx, w)
		if err != nil {
			return err
		}
		d, err = s.webhookDelivery(ctx, webhookID, id)
		return err
	})
	return d, err
}
