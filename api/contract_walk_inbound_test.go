package api

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// walkInbound: an admin adds a generic integration, the tool posts a signed event
// naming the card, the event log shows it; the secret is replaced and the
// integration deleted.
func walkInbound(w walker, cardNumber int64) {
	const admin = domain.RoleAdmin
	it := decode[struct {
		ID     string `json:"id"`
		URL    string `json:"url"`
		Secret string `json:"secret"`
	}](w.t, w.do(admin, 201, "POST", "/api/v1/integrations", map[string]string{"kind": "generic", "name": "Our CRM", "secret": testWhsec}))
	if it.Secret != testWhsec || it.URL == "" {
		w.t.Fatalf("created integration: %+v", it)
	}
	w.do(admin, 200, "GET", "/api/v1/integrations", nil)
	req := signedGeneric(mustUUID(w.t, it.ID), "msg_walk", fmt.Sprintf(`{"card":"closeloop-%d","email":"crm@example.com","quote":"From the CRM"}`, cardNumber), time.Now())
	w.do("", 200, req.method, req.path, req.body, req.headers...)
	w.do("", 401, req.method, req.path, `{"card":"closeloop-1","email":"forged@example.com"}`, req.headers...)
	w.do(admin, 200, "GET", "/api/v1/integrations/"+it.ID+"/events", nil)
	w.do(admin, 200, "POST", "/api/v1/integrations/"+it.ID+"/secret", map[string]string{})
	w.do(admin, 204, "DELETE", "/api/v1/integrations/"+it.ID, nil)
	w.do("", 404, req.method, req.path, req.body, req.headers...)
}

func mustUUID(t interface {
	Helper()
	Fatal(...any)
}, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
