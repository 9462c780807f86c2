package api

import (
	"strings"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/email"
)

// walkCustomerPublic is the contract walk's part for the customer's side (issue 12):
// a shipped email's reaction link, opened and answered, then the team's views of the
// answers. The walk's notifier sends nothing, so the delivery is written as the
// sender leaves it and its link signed with the installation's secret.
func walkCustomerPublic(w walker, board boardJSON, cardID, requesterID uuid.UUID) {
	w.t.Helper()
	var inst struct {
		ID     string
		Secret []byte
	}
	if err := w.env.db.Raw(`SELECT id, secret FROM installation`).Scan(&inst).Error; err != nil {
		w.t.Fatal(err)
	}
	deliveryID := uuid.Must(uuid.NewV7())
	if err := w.env.db.Exec(`INSERT INTO deliveries (id, card_id, requester_id, kind, email, status, sent_at)
VALUES (?, ?, ?, 'shipped', 'walk@example.com', 'sent', now())`, deliveryID, cardID, requesterID).Error; err != nil {
		w.t.Fatal(err)
	}
	sender, err := email.ParseSender("Team <team@example.com>")
	if err != nil {
		w.t.Fatal(err)
	}
	r, err := email.NewRenderer(email.Settings{BaseURL: "http://closeloop.test", Sender: sender, Secret: inst.Secret, InstallationID: inst.ID})
	if err != nil {
		w.t.Fatal(err)
	}
	reaction := strings.TrimPrefix(r.ReactionURL(deliveryID), "http://closeloop.test")
	form := []string{"Content-Type", "application/x-www-form-urlencoded"}
	w.do("", 200, "GET", reaction+"?answer=no", nil)
	w.do("", 200, "POST", reaction, "answer=no&comment=Not+for+dates", form...)
	w.do("", 422, "POST", reaction, "answer=maybe", form...)
	w.do("", 404, "POST", "/r/forged", "answer=yes", form...)
	w.do("", 415, "POST", reaction, `{"answer":"yes"}`, "Content-Type", "application/json")
	w.do(domain.RoleViewer, 200, "GET", "/api/v1/boards/"+board.ID.String()+"/satisfaction?limit=1", nil)
	w.do(domain.RoleViewer, 200, "GET", "/api/v1/cards/"+cardID.String()+"/reactions", nil)
}
