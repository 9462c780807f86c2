package api

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/importer"
)

// comparable is a board document without what an import renews: ids and the export time.
func comparable(t *testing.T, raw []byte) string {
	t.Helper()
	var doc importer.BoardDocument
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	colIndex := map[uuid.UUID]int{}
	for i := range doc.Columns {
		colIndex[doc.Columns[i].ID] = i
		doc.Columns[i].ID = uuid.Nil
	}
	doc.Board.ID, doc.ExportedAt = uuid.Nil, time.Time{}
	for i := range doc.Cards {
		doc.Cards[i].ID = uuid.Nil
		doc.Cards[i].ColumnID = uuid.UUID{byte(colIndex[doc.Cards[i].ColumnID])}
	}
	out, _ := json.MarshalIndent(doc, "", " ")
	return string(out)
}

// export.json → POST /imports/closeloop gives the same board: columns and their order,
// cards in order (archived and shipped ones too), requests with every quote, and
// conversations.
func TestBoardExportImportsAsTheSameBoard(t *testing.T) {
	env := newTestAPI(t)
	ctx := context.Background()
	actor := domain.Actor{Name: "Ada", Role: domain.RoleAdmin}
	b, err := env.svc.CreateBoard(ctx, actor, domain.NewBoard{Name: "Roadmap 2027", Description: "What we build next",
		Columns: []domain.ColumnSpec{{Name: "Ideas", Stage: domain.StageOpen}, {Name: "Shipped", Stage: domain.StageDone},
			{Name: "Not now", Stage: domain.StageDeclined}}})
	if err != nil {
		t.Fatal(err)
	}
	card := func(col int, title string, labels ...string) domain.Card {
		c, err := env.svc.CreateCard(ctx, actor, b.ID, domain.NewCard{ColumnID: b.Columns[col].ID, Kind: domain.CardRequest,
			Title: title, Description: title + " — details", Labels: labels})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	link := func(c domain.Card, in domain.LinkRequestInput) {
		if _, err := env.svc.LinkRequest(ctx, actor, c.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	csv, dark, sso := card(0, "Export to CSV", "reports"), card(0, "Dark mode", "ui", "night"), card(0, "SSO")
	card(2, "Blockchain")
	link(csv, domain.LinkRequestInput{Email: "ann@example.com", Name: "Ann", Company: "Acme", Quote: "Every Monday",
		Source: "intercom", ConversationURL: "https://app.intercom.com/a/inbox/x/inbox/conversation/123"})
	link(csv, domain.LinkRequestInput{Email: "ann@example.com", Quote: "Also for finance", Source: "email"})
	link(csv, domain.LinkRequestInput{Email: "bob@example.com", Name: "Bob"})
	link(dark, domain.LinkRequestInput{Email: "bob@example.com", Quote: "My eyes"})
	if _, _, err := env.svc.AddConversation(ctx, actor, dark.ID, domain.AddConversationInput{URL: "https://acme.zendesk.com/agent/tickets/9"}); err != nil {
		t.Fatal(err)
	}
	note := "Settings → Appearance."
	if _, err := env.svc.MoveCard(ctx, actor, dark.ID, domain.Move{ColumnID: b.Columns[1].ID, ReleaseNote: &note}); err != nil {
		t.Fatal(err)
	}
	if err := env.svc.ArchiveCard(ctx, actor, sso.ID, nil); err != nil {
		t.Fatal(err)
	}

	status, original := env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+b.ID.String()+"/export.json", nil)
	mustStatus(t, status, 200, original)
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/closeloop", string(original))
	mustStatus(t, status, 202, raw)
	im, err := env.svc.RunImport(ctx, decode[importResponse](t, raw).ID, nil)
	if err != nil || im.Status != domain.ImportDone {
		t.Fatalf("import: %+v, %v", im, err)
	}
	status, again := env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+im.BoardID.String()+"/export.json", nil)
	mustStatus(t, status, 200, again)
	if a, b := comparable(t, original), comparable(t, again); a != b {
		t.Errorf("the imported board differs from the exported one:\nexported %s\nimported %s", a, b)
	}
	if im.Counts.Cards != 3 || im.Counts.ArchivedCards != 1 || im.Counts.Requests != 3 || im.Counts.Conversations != 2 {
		t.Errorf("counts = %+v", im.Counts)
	}
	// Nobody is emailed by the import: the shipped card's requester is marked told.
	if n := env.rows(t, `SELECT count(*) FROM deliveries d JOIN cards c ON c.id = d.card_id
WHERE c.board_id = ? AND d.status = 'suppressed' AND d.last_error LIKE 'imported%'`, *im.BoardID); n != 1 {
		t.Errorf("%d suppressed deliveries on the imported shipped card, want 1 (bob)", n)
	}
}
