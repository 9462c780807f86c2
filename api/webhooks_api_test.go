package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

func TestWebhookSecretIsShownOnceAndRefusedURLsStoreNothing(t *testing.T) {
	env := newTestAPI(t)
	const admin = domain.RoleAdmin
	status, body := env.call(t, admin, "POST", "/api/v1/webhooks", map[string]any{
		"url": "https://203.0.113.7/hook", "events": []string{"card.shipped", "card.shipped", "card.moved"}, "format": "standard"})
	mustStatus(t, status, http.StatusCreated, body)
	created := decode[webhookResponse](t, body)
	if !strings.HasPrefix(created.Secret, "whsec_") || len(created.Secret) < 30 {
		t.Errorf("secret %q", created.Secret)
	}
	if len(created.Events) != 2 || !created.Enabled {
		t.Errorf("created %+v (events are kept once each)", created)
	}
	status, body = env.call(t, admin, "GET", "/api/v1/webhooks", nil)
	mustStatus(t, status, http.StatusOK, body)
	if strings.Contains(string(body), "whsec_") || strings.Contains(string(body), `"secret"`) {
		t.Errorf("the list shows the secret: %s", body)
	}
	status, body = env.call(t, admin, "PATCH", "/api/v1/webhooks/"+created.ID.String(), map[string]any{"url": "http://[::1]:9000/"})
	mustStatus(t, status, http.StatusUnprocessableEntity, body)
	status, body = env.call(t, admin, "PATCH", "/api/v1/webhooks/"+created.ID.String(), map[string]any{"enabled": false, "format": "slack"})
	mustStatus(t, status, http.StatusOK, body)
	if got := decode[webhookResponse](t, body); got.Enabled || got.Format != "slack" || got.URL != "https://203.0.113.7/hook" {
		t.Errorf("patched %+v", got)
	}
	for _, role := range []domain.Role{domain.RoleViewer, domain.RoleSupport, domain.RoleEditor} {
		if status, _ := env.call(t, role, "GET", "/api/v1/webhooks", nil); status != http.StatusForbidden {
			t.Errorf("%s lists webhooks: %d", role, status)
		}
	}
	var n int64
	env.db.Raw(`SELECT count(*) FROM webhooks`).Scan(&n)
	if n != 1 {
		t.Errorf("%d webhooks stored, want 1", n)
	}
}
