package api

import (
	"net/http"
	"slices"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// GET /settings answers anyone signed in; PATCH is an admin's, checks every field
// (422 naming each bad one, nothing changed) and changes only what it names.
func TestSettingsAPI(t *testing.T) {
	env := newTestAPI(t)
	status, raw := env.call(t, domain.RoleViewer, "GET", "/api/v1/settings", nil)
	mustStatus(t, status, http.StatusOK, raw)
	want := []string{"accent_color", "coalesce_seconds", "product_name", "reply_to", "sender_name", "signature", "updated_at"}
	if got := jsonKeys(t, raw); !slices.Equal(got, want) {
		t.Errorf("settings keys = %v, want %v", got, want)
	}
	if got := decode[settingsResponse](t, raw); got.ProductName != "" || got.CoalesceSeconds != 0 {
		t.Errorf("fresh settings: %s", raw)
	}

	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/settings", map[string]any{"product_name": "Acme"})
	mustStatus(t, status, http.StatusForbidden, raw)

	status, raw = env.call(t, domain.RoleAdmin, "PATCH", "/api/v1/settings", map[string]any{
		"product_name": "Acme\r\nBcc: x", "sender_name": "Maya\n", "reply_to": "not an address",
		"accent_color": "blue", "coalesce_seconds": 86401, "signature": "ok"})
	mustStatus(t, status, http.StatusUnprocessableEntity, raw)
	fields := decode[ErrorBody](t, raw).Error.Fields
	for _, f := range []string{"product_name", "sender_name", "reply_to", "accent_color", "coalesce_seconds"} {
		if fields[f] == "" {
			t.Errorf("no message for %s: %s", f, raw)
		}
	}
	if _, ok := fields["signature"]; ok {
		t.Errorf("a good signature refused: %s", raw)
	}
	status, raw = env.call(t, domain.RoleAdmin, "PATCH", "/api/v1/settings", map[string]any{"coalesce_seconds": -1})
	mustStatus(t, status, http.StatusUnprocessableEntity, raw)

	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/settings", nil)
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[settingsResponse](t, raw); got.ProductName != "" || got.Signature != "" {
		t.Errorf("a refused PATCH changed something: %s", raw)
	}

	status, raw = env.call(t, domain.RoleAdmin, "PATCH", "/api/v1/settings", map[string]any{
		"product_name": " Acme ", "sender_name": "Maya at Acme", "reply_to": "help@acme.test",
		"accent_color": "#16A34A", "coalesce_seconds": 600, "signature": "Maya\nAcme support"})
	mustStatus(t, status, http.StatusOK, raw)
	got := decode[settingsResponse](t, raw)
	if got.ProductName != "Acme" || got.AccentColor != "#16a34a" || got.CoalesceSeconds != 600 || got.Signature != "Maya\nAcme support" || got.ReplyTo != "help@acme.test" {
		t.Errorf("patched: %s", raw)
	}
	status, raw = env.call(t, domain.RoleAdmin, "PATCH", "/api/v1/settings", map[string]any{"reply_to": ""})
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[settingsResponse](t, raw); got.ReplyTo != "" || got.ProductName != "Acme" {
		t.Errorf("clearing reply_to: %s", raw)
	}
	b, err := env.svc.Branding(t.Context())
	if err != nil || b.ProductName != "Acme" || b.AccentColor != "#16a34a" {
		t.Errorf("branding = %+v, %v", b, err)
	}
}
