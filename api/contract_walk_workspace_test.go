package api

import "github.com/closeloop/closeloop/domain"

// walkWorkspace is the contract walk's part for the workspace (issue 12): settings,
// read by anyone, changed by an admin.
func walkWorkspace(w walker) {
	w.t.Helper()
	w.do(domain.RoleViewer, 200, "GET", "/api/v1/settings", nil)
	w.do(domain.RoleAdmin, 422, "PATCH", "/api/v1/settings", map[string]any{"accent_color": "blue"})
	w.do(domain.RoleEditor, 403, "PATCH", "/api/v1/settings", map[string]any{"product_name": "Walk"})
	w.do(domain.RoleAdmin, 200, "PATCH", "/api/v1/settings", map[string]any{"product_name": "Walk", "reply_to": "help@example.com"})
}
