package api

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/google/uuid"
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

// The board view reads the caller and the board's cards_version in one statement
// (requireBoardView): a token revoked or a session ended is refused on the next read
// even while the page is kept, a board that does not exist is 404, and a session reads
// the kept page as a token does.
func TestBoardViewChecksTheCallerOnEveryRead(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	ctx := context.Background()
	path := "/api/v1/boards/" + f.board.ID.String() + "/cards?limit=200"
	_, secret, err := env.svc.CreateToken(ctx, f.actor, "board view", domain.RoleViewer)
	f.must(err)
	withToken := func(p string) int {
		req := httptest.NewRequest("GET", p, nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		return env.serve(t, req).Code
	}
	for range 2 { // made, then kept
		if code := withToken(path); code != 200 {
			t.Fatalf("board view with a token: %d", code)
		}
	}
	if code := withToken("/api/v1/boards/" + uuid.NewString() + "/cards"); code != 404 {
		t.Errorf("a board that does not exist: %d, want 404", code)
	}
	if code := withToken("/api/v1/boards/nope/cards"); code != 400 {
		t.Errorf("a board id that is not one: %d, want 400", code)
	}
	actor, err := env.svc.TokenActor(ctx, secret)
	f.must(err)
	f.must(env.svc.RevokeToken(ctx, actor.TokenID))
	if code := withToken(path); code != 401 {
		t.Errorf("board view with a revoked token: %d, want 401", code)
	}

	m := f.newMember(domain.RoleViewer, signInPassword)
	cookie, _ := signIn(t, env, m.Email, signInPassword)
	if code := cookieCall(env, "GET", path, "", cookie, ""); code != 200 {
		t.Fatalf("board view with a session: %d", code)
	}
	if code := cookieCall(env, "GET", "/api/v1/boards/"+uuid.NewString()+"/cards", "", cookie, ""); code != 404 {
		t.Errorf("a board that does not exist, with a session: %d, want 404", code)
	}
	f.must(env.svc.SignOut(ctx, cookie.Value))
	if code := cookieCall(env, "GET", path, "", cookie, ""); code != 401 {
		t.Errorf("board view after signing out: %d, want 401", code)
	}
}
