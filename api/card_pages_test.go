package api

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"github.com/closeloop/closeloop/domain"
)

// A board's pages of cards are answered from memory while the board is unchanged,
// and never once something on it changed, whichever process changed it.
func TestBoardPagesAreKeptUntilTheBoardChanges(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	path := "/api/v1/boards/" + f.board.ID.String() + "/cards?limit=200"
	title := func() string {
		t.Helper()
		status, raw := env.call(t, domain.RoleViewer, "GET", path, nil)
		mustStatus(t, status, 200, raw)
		page := decode[listResponse[cardResponse]](t, raw)
		if len(page.Items) != 1 {
			t.Fatalf("page = %s, want the one card", raw)
		}
		return fmt.Sprintf("%s (%d)", page.Items[0].Title, page.Items[0].RequesterCount)
	}
	want := f.card.Title + " (1)"
	if got := title(); got != want {
		t.Fatalf("first read: %q, want %q", got, want)
	}

	// A write that bypasses the version (triggers off) is not seen: the page is kept.
	err := env.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SET LOCAL session_replication_role = replica").Error; err != nil {
			return err
		}
		return tx.Exec("UPDATE cards SET title = 'Unseen' WHERE id = ?", f.card.ID).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := title(); got != want {
		t.Fatalf("after an unversioned write: %q, want the kept page %q", got, want)
	}

	// Real changes, through this API or straight through the domain as another
	// replica would, are seen at once.
	changes := []struct {
		name string
		do   func()
		want string
	}{
		{"PATCH through the API", func() {
			status, raw := env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+f.card.ID.String(), map[string]any{"title": "Dark mode"})
			mustStatus(t, status, 200, raw)
		}, "Dark mode (1)"},
		{"a link made elsewhere", func() { f.newLink(f.card.ID) }, "Dark mode (2)"},
		{"an edit made elsewhere", func() {
			darkTheme := "Dark theme"
			_, err := env.svc.UpdateCard(context.Background(), f.actor, f.card.ID, domain.CardPatch{Title: &darkTheme})
			f.must(err)
		}, "Dark theme (2)"},
	}
	for _, ch := range changes {
		ch.do()
		if got := title(); got != ch.want {
			t.Errorf("after %s: %q, want %q", ch.name, got, ch.want)
		}
	}
}
