package domain

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Events only outbound webhooks hear (the others are in events.go).
const (
	// An email delivery failed for good (the webhooks package notices it in the
	// notifier's own transaction, through a trigger).
	EventDeliveryFailed = "delivery.failed"
	// What POST /webhooks/{id}/test sends.
	EventWebhookTest = "webhook.test"
)

// WebhookEvents are the events a webhook may ask for.
var WebhookEvents = []string{EventCardCreated, EventCardMoved, EventCardShipped, EventRequestLinked,
	EventDeliveryFailed, EventReactionReceived}

// Webhook formats: Standard Webhooks (signed JSON) or a Slack incoming webhook.
const (
	WebhookStandard = "standard"
	WebhookSlack    = "slack"
)

// Webhook is an endpoint outside that hears some events. Secret (whsec_…) signs
// standard deliveries; it is shown once, when the webhook is made.
type Webhook struct {
	ID          uuid.UUID
	URL         string
	Format      string
	Events      Labels // a text[] like a card's labels
	Description string
	Secret      string `json:"-"`
	Enabled     bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (Webhook) TableName() string { return "webhooks" }

// Wants reports whether the webhook is to hear events of type t.
func (w Webhook) Wants(t string) bool { return w.Enabled && slices.Contains(w.Events, t) }

// WebhookInput makes (every field but Description and Enabled required) or changes
// (nil: unchanged) a webhook.
type WebhookInput struct {
	URL         *string
	Events      *[]string
	Format      *string
	Description *string
	Enabled     *bool
}

// WebhookOutbox sends webhook deliveries (the webhooks package). Enqueue and
// SendTest write in tx, so the work commits with the change that asks for it.
type WebhookOutbox interface {
	// CheckURL refuses a URL that may not be called (one that resolves to a loopback,
	// private or link-local address); its error is the url field's message.
	CheckURL(ctx context.Context, raw string) error
	// Enqueue schedules a delivery's next attempt now.
	Enqueue(ctx context.Context, tx *sql.Tx, deliveryID uuid.UUID) error
	// SendTest records and schedules a webhook.test delivery to wh.
	SendTest(ctx context.Context, tx *sql.Tx, wh Webhook) (uuid.UUID, error)
}

// UseWebhooks sets the outbox that checks webhook URLs and sends deliveries.
func (s *Service) UseWebhooks(o WebhookOutbox) { s.webhooks = o }

const maxWebhookURL = 2000

// checkWebhook validates in (create: all required fields present) into w.
func (s *Service) checkWebhook(ctx context.Context, in WebhookInput, w *Webhook, create bool) error {
	p := Problems{}
	if in.URL != nil || create {
		raw := ""
		if in.URL != nil {
			raw = strings.TrimSpace(*in.URL)
		}
		if msg := webhookURLProblem(raw); msg != "" {
			p.Add("url", msg)
		} else if s.webhooks != nil {
			if err := s.webhooks.CheckURL(ctx, raw); err != nil {
				p.Add("url", err.Error())
			}
		}
		w.URL = raw
	}
	if in.Events != nil || create {
		var evs []string
		if in.Events != nil {
			evs = *in.Events
		}
		w.Events = Labels{}
		for _, e := range evs {
			if !slices.Contains(WebhookEvents, e) {
				p.Add("events", "must each be one of "+strings.Join(WebhookEvents, ", "))
			} else if !slices.Contains(w.Events, e) {
				w.Events = append(w.Events, e)
			}
		}
		if len(evs) == 0 {
			p.Add("events", "must name at least one event")
		}
	}
	if in.Format != nil || create {
		f := ""
		if in.Format != nil {
			f = *in.Format
		}
		if f != WebhookStandard && f != WebhookSlack {
			p.Add("format", "must be standard or slack")
		}
		w.Format = f
	}
	if in.Description != nil {
		w.Description = checkLine(p, "description", *in.Description, 0, 200)
	}
	if in.Enabled != nil {
		w.Enabled = *in.Enabled
	}
	return p.Err()
}

// webhookURLProblem is what is wrong with raw as a webhook URL, or "".
func webhookURLProblem(raw string) string {
	if raw == "" {
		return "is required"
	}
	if len(raw) > maxWebhookURL || hasControl(raw) {
		return "must be an http(s) URL of at most 2,000 characters"
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "must be an absolute http:// or https:// URL"
	}
	if u.User != nil {
		return "must not hold a user name or password"
	}
	return ""
}

// CreateWebhook makes a webhook and returns its secret, which only this answer shows.
func (s *Service) CreateWebhook(ctx context.Context, in WebhookInput) (Webhook, error) {
	now := s.now()
	w := Webhook{ID: newID(), Enabled: true, CreatedAt: now, UpdatedAt: now}
	if err := s.checkWebhook(ctx, in, &w, true); err != nil {
		return Webhook{}, err
	}
	w.Secret = newWebhookSecret()
	if err := s.db.conn(ctx).Create(&w).Error; err != nil {
		return Webhook{}, storeErr(err, "webhook")
	}
	return w, nil
}

// ListWebhooks returns a page of webhooks, newest first (secrets are never returned).
func (s *Service) ListWebhooks(ctx context.Context, page Page) (List[Webhook], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[Webhook]{}, err
	}
	return newestFirst(s.db.conn(ctx).Model(&Webhook{}), "created_at", "id", pg,
		func(w Webhook) timeKey { return timeKey{At: w.CreatedAt, ID: w.ID} })
}

// Webhook returns one webhook.
func (s *Service) Webhook(ctx context.Context, id uuid.UUID) (Webhook, error) {
	var w Webhook
	err := s.db.conn(ctx).Where("id = ?", id).Take(&w).Error
	return w, storeErr(err, "webhook")
}

// UpdateWebhook changes the fields in given.
func (s *Service) UpdateWebhook(ctx context.Context, id uuid.UUID, in WebhookInput) (Webhook, error) {
	var w Webhook
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if err := storeErr(s.db.conn(ctx).Where("id = ?", id).Take(&w).Error, "webhook"); err != nil {
			return err
		}
		if err := s.checkWebhook(ctx, in, &w, false); err != nil {
			return err
		}
		w.UpdatedAt = s.now()
		return s.db.conn(ctx).Model(&w).
			Select("url", "format", "events", "description", "enabled", "updated_at").Updates(&w).Error
	})
	return w, err
}

// DeleteWebhook removes a webhook and its delivery log; pending attempts stop.
func (s *Service) DeleteWebhook(ctx context.Context, id uuid.UUID) error {
	res := s.db.conn(ctx).Exec("DELETE FROM webhooks WHERE id = ?", id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return NotFound("webhook")
	}
	return nil
}

// newWebhookSecret is a Standard Webhooks secret: whsec_ and 24 random bytes in base64.
func newWebhookSecret() string {
	b := make([]byte, 24)
	rand.Read(b) // never fails (Go 1.24+ crashes instead)
	return "whsec_" + base64.StdEncoding.EncodeToString(b)
}
