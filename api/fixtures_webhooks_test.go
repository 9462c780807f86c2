package api

import (
	"context"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// newWebhook makes a standard webhook to a public (documentation) address.
func (f *fixtures) newWebhook() domain.Webhook {
	f.t.Helper()
	url, format, events := "https://203.0.113.7/hook", domain.WebhookStandard, []string{domain.EventCardShipped}
	w, err := f.env.svc.CreateWebhook(context.Background(), domain.WebhookInput{URL: &url, Format: &format, Events: &events})
	f.must(err)
	return w
}

// newFailedDelivery is a webhook with one test delivery that has failed (no worker
// runs in these tests, so it is marked as the worker would).
func (f *fixtures) newFailedDelivery() (webhookID, deliveryID uuid.UUID) {
	f.t.Helper()
	w := f.newWebhook()
	d, err := f.env.svc.TestWebhook(context.Background(), w.ID)
	f.must(err)
	f.must(f.env.db.Exec(`UPDATE webhook_deliveries SET status = 'failed', attempts = 8, last_status = 500,
		last_error = 'HTTP 500', next_attempt_at = NULL WHERE id = ?`, d.ID).Error)
	return w.ID, d.ID
}
