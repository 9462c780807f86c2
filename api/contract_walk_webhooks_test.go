package api

import (
	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// walkWebhooks is the contract walk's part for outbound webhooks (issue 11): an admin
// adds one, changes it, sends a test, reads the log, retries a finished delivery
// (no worker runs here, so it is finished as the worker would) and deletes it.
func walkWebhooks(w walker) {
	const admin = domain.RoleAdmin
	type hook struct {
		ID     uuid.UUID `json:"id"`
		Secret string    `json:"secret"`
	}
	h := decode[hook](w.t, w.do(admin, 201, "POST", "/api/v1/webhooks", map[string]any{
		"url": "https://203.0.113.7/closeloop", "events": []string{"card.shipped", "request.linked"}, "format": "standard",
		"description": "Data warehouse"}))
	path := "/api/v1/webhooks/" + h.ID.String()
	w.do(admin, 200, "GET", "/api/v1/webhooks", nil)
	w.do(admin, 200, "PATCH", path, map[string]any{"events": []string{"card.shipped"}, "description": "Warehouse"})
	d := decode[hook](w.t, w.do(admin, 202, "POST", path+"/test", nil))
	w.do(admin, 409, "POST", path+"/deliveries/"+d.ID.String()+"/retry", nil) // still pending
	if err := w.env.db.Exec(`UPDATE webhook_deliveries SET status = 'failed', attempts = 8, next_attempt_at = NULL WHERE id = ?`, d.ID).Error; err != nil {
		w.t.Fatal(err)
	}
	w.do(admin, 200, "GET", path+"/deliveries", nil)
	w.do(admin, 202, "POST", path+"/deliveries/"+d.ID.String()+"/retry", nil)
	w.do(admin, 422, "POST", "/api/v1/webhooks", map[string]any{"url": "http://127.0.0.1/", "events": []string{"card.shipped"}, "format": "slack"})
	w.do(admin, 204, "DELETE", path, nil)
	w.do(admin, 404, "GET", path+"/deliveries", nil)
}
