package api

import "github.com/closeloop/closeloop/domain"

// walkWorkspace is the contract walk's part for the workspace (issue 12): settings,
// read by anyone, changed by an admin.
func walkWorkspace(w walker, boardID, cardID string) {
	w.t.Helper()
	templates := "/api/v1/boards/" + boardID + "/templates"
	w.do(domain.RoleViewer, 200, "GET", templates, nil)
	w.do(domain.RoleEditor, 422, "PUT", templates+"/declined", map[string]string{"subject": "Sorry", "body": "Hi {{firstname}}"})
	w.do(domain.RoleEditor, 200, "PUT", templates+"/declined", map[string]string{"subject": "About {{card_title}}", "body": "Hi {{first_name}},\n\n{{note}}"})
	w.do(domain.RoleEditor, 404, "PUT", templates+"/archived", map[string]string{"subject": "{{card_title}}", "body": "x"})
	w.do(domain.RoleEditor, 200, "GET", "/api/v1/cards/"+cardID+"/email-preview?kind=declined", nil)
	w.do(domain.RoleViewer, 200, "GET", "/api/v1/settings", nil)
	w.do(domain.RoleAdmin, 422, "PATCH", "/api/v1/settings", map[string]any{"accent_color": "blue"})
	w.do(domain.RoleEditor, 403, "PATCH", "/api/v1/settings", map[string]any{"product_name": "Walk"})
	w.do(domain.RoleAdmin, 200, "PATCH", "/api/v1/settings", map[string]any{"product_name": "Walk", "reply_to": "help@example.com"})
}
