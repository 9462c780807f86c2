package api

import (
	"net/http"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// While every search slot is taken, a search of any kind waits its turn (a plain
// board page does not); it is answered once a slot is free. The same for a board page
// and the board-read slots.
func TestSearchesAndBoardReadsWaitForASlot(t *testing.T) {
	env := newTestAPI(t)
	b := createBoardAPI(t, env, "Slots")
	createCardAPI(t, env, b, 0, "Dark mode")
	board := "/api/v1/boards/" + b.ID.String() + "/cards"
	waits := func(slots slots, path string) {
		t.Helper()
		for range cap(slots) {
			if err := slots.enter(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		done := make(chan int, 1)
		go func() {
			status, _ := env.call(t, domain.RoleViewer, "GET", path, nil)
			done <- status
		}()
		select {
		case status := <-done:
			t.Fatalf("%s answered %d with every slot taken", path, status)
		case <-time.After(50 * time.Millisecond):
		}
		slots.leave()
		select {
		case status := <-done:
			if status != http.StatusOK {
				t.Fatalf("%s: %d", path, status)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s still waiting after a slot was freed", path)
		}
		for range cap(slots) - 1 {
			slots.leave()
		}
	}
	for _, path := range []string{"/api/v1/search?q=dark", board + "?q=dark", "/api/v1/requesters?q=jane"} {
		waits(env.srv.searches, path)
	}
	waits(env.srv.boardReads, board)

	// A board page without q= and the people without q= take no search slot.
	for range cap(env.srv.searches) {
		if err := env.srv.searches.enter(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{"/api/v1/boards/" + b.ID.String() + "/cards?column_id=" + b.Columns[0].ID.String(), "/api/v1/requesters"} {
		status, raw := env.call(t, domain.RoleViewer, "GET", path, nil)
		mustStatus(t, status, http.StatusOK, raw)
	}
}
