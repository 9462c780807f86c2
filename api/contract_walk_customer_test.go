package api

import (
	"context"
	"database/sql"
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
	// The walk may have recorded this person's delivery already: answer that one.
	var deliveryID uuid.UUID
	if err := w.env.db.Raw(`INSERT INTO deliveries (id, card_id, requester_id, kind, email, status, sent_at)
VALUES (?, ?, ?, 'shipped', 'walk@example.com', 'sent', now())
ON CONFLICT (card_id, requester_id, kind) DO UPDATE SET status = 'sent' RETURNING id`,
		uuid.Must(uuid.NewV7()), cardID, requesterID).Row().Scan(&deliveryID); err != nil {
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

	// The board goes public; its roadmap, changelog and feed; "I want this too" on a
	// planned card, then its confirmation link, opened and confirmed.
	boardPath := "/api/v1/boards/" + board.ID.String()
	w.do("", 404, "GET", "/roadmap/walk", nil)
	w.do(domain.RoleEditor, 422, "PATCH", boardPath, map[string]any{"public": true, "slug": "Not A Slug"})
	w.do(domain.RoleEditor, 200, "PATCH", boardPath, map[string]any{"public": true, "slug": "walk"})
	w.do("", 200, "GET", "/roadmap/walk", nil)
	w.do("", 200, "GET", "/roadmap/walk/changelog", nil)
	w.do("", 200, "GET", "/roadmap/walk/feed.atom", nil)
	var found []struct{ ID uuid.UUID }
	if err := w.env.db.Raw(`SELECT c.id FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.board_id = ? AND col.stage = 'planned' AND c.archived_at IS NULL LIMIT 1`, board.ID).Scan(&found).Error; err != nil || len(found) == 0 {
		w.t.Fatalf("no planned card on the walk's board: %v", err)
	}
	planned := found[0].ID
	wantPath := "/roadmap/walk/cards/" + planned.String() + "/want"
	w.do("", 200, "POST", wantPath, "email=walker%40example.com&quote=For+my+team", form...)
	w.do("", 422, "POST", wantPath, "email=nope", form...)
	w.do("", 403, "POST", wantPath, "email=walker%40example.com", "Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site")
	w.do("", 413, "POST", wantPath, "email=walker%40example.com&quote="+strings.Repeat("x", 17<<10), form...)
	var wants []struct{ ID uuid.UUID }
	if err := w.env.db.Raw(`SELECT id FROM roadmap_wants WHERE card_id = ?`, planned).Scan(&wants).Error; err != nil || len(wants) != 1 {
		w.t.Fatalf("%d asks recorded, want 1: %v", len(wants), err)
	}
	confirm := strings.TrimPrefix(r.ConfirmURL(wants[0].ID), "http://closeloop.test")
	w.do("", 200, "GET", confirm, nil)
	w.do("", 200, "POST", confirm, "", form...)
	w.do("", 404, "GET", "/v/forged", nil)
	for range domain.WantsPerAddress {
		w.do("", 200, "POST", wantPath, "email=again%40example.com", form...)
	}
	w.do("", 429, "POST", wantPath, "email=again%40example.com", form...)
}

// WantRequested lets the walk's notifier take asks; the walk confirms them itself.
func (n *shipCounter) WantRequested(context.Context, *sql.Tx, uuid.UUID) error { return nil }
