package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// A template is checked on save: an unknown placeholder, a single-brace one, or a
// template naming the card nowhere is 422 with the field, and nothing is stored.
func TestTemplatesAPI(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Roadmap")
	path := "/api/v1/boards/" + b.ID.String() + "/templates"
	status, raw := env.call(t, domain.RoleViewer, "GET", path, nil)
	mustStatus(t, status, http.StatusOK, raw)
	list := decode[struct{ Items []templateResponse }](t, raw)
	if len(list.Items) != 4 || list.Items[0].Kind != "shipped" || list.Items[0].Custom || !strings.Contains(list.Items[0].Body, "You told us") {
		t.Fatalf("defaults: %s", raw)
	}
	for _, tc := range []struct {
		subject, body, field string
	}{
		{"Shipped: {{card_title}}", "Hi {{firstname}}", "body"},
		{"Shipped: {{ title }}", "Hi {{first_name}}, {{card_title}}", "subject"},
		{"Shipped", "Hi {{first_name}}, it shipped", "subject"},
		{"Shipped", "Hi {{first_name}}, it shipped", "body"},
		{"Shipped: {title}", "Hi, {{card_title}}", "subject"},
		{"Shipped\r\nBcc: x", "{{card_title}}", "subject"},
	} {
		status, raw := env.call(t, domain.RoleEditor, "PUT", path+"/shipped", map[string]string{"subject": tc.subject, "body": tc.body})
		if status != http.StatusUnprocessableEntity || decode[ErrorBody](t, raw).Error.Fields[tc.field] == "" {
			t.Errorf("%q / %q: %d %s, want 422 on %s", tc.subject, tc.body, status, raw, tc.field)
		}
	}
	status, raw = env.call(t, domain.RoleEditor, "PUT", path+"/planned", map[string]string{"subject": "On our plan", "body": "Hi {{ first_name }},\n\n{{card_title}} is planned.\n\n{{note}}"})
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[templateResponse](t, raw); !got.Custom || !strings.Contains(got.Body, "{{first_name}}") {
		t.Errorf("stored: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", path, nil)
	mustStatus(t, status, http.StatusOK, raw)
	for _, it := range decode[struct{ Items []templateResponse }](t, raw).Items {
		if it.Custom != (it.Kind == "planned") {
			t.Errorf("after one PUT: %+v", it)
		}
	}
	status, raw = env.call(t, domain.RoleEditor, "PUT", path+"/archived", map[string]string{"subject": "{{card_title}}", "body": "x"})
	mustStatus(t, status, http.StatusNotFound, raw)
}
