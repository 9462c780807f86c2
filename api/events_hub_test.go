package api

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// hubHeard waits until the hub's ring holds n events.
func hubHeard(t *testing.T, h *eventHub, n int) []eventFrame {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; {
		h.mu.Lock()
		ring := append([]eventFrame(nil), h.ring...)
		h.mu.Unlock()
		if len(ring) >= n {
			return ring
		}
		if time.Now().After(deadline) {
			t.Fatalf("the hub heard %d events, want %d", len(ring), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestEventHubReadsNothingForNobody: with no stream open, heard events are kept in the
// ring unread (no card read per change); a browser that comes back with an earlier
// Last-Event-ID still gets them, read then, and one that comes back after too many is
// told to resync. With a stream open, each event is read once as it is heard.
func TestEventHubReadsNothingForNobody(t *testing.T) {
	e := newTestAPI(t)
	ctx := context.Background()
	admin := domain.Actor{Name: "test", Role: domain.RoleAdmin}
	board, err := e.svc.CreateBoard(ctx, admin, domain.NewBoard{Name: "Hub"})
	if err != nil {
		t.Fatal(err)
	}
	card, err := e.svc.CreateCard(ctx, admin, board.ID, domain.NewCard{ColumnID: board.Columns[0].ID, Kind: domain.CardIdea, Title: "Read late"})
	if err != nil {
		t.Fatal(err)
	}
	h := newEventHub(e.svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer close(h.in)
	h.hear(domain.LiveEvent{ID: 1, Type: domain.EventCardCreated, BoardID: board.ID, CardID: card.ID})
	h.hear(domain.LiveEvent{ID: 2, Type: domain.EventCardCreated, BoardID: board.ID, CardID: card.ID})
	ring := hubHeard(t, h, 2)
	for _, f := range ring {
		if f.ev == nil || f.frame != nil {
			t.Fatalf("heard with no stream open: %+v, want kept unread", f)
		}
	}

	sub, backlog := h.subscribe("1")
	if len(backlog) != 1 || !strings.Contains(string(backlog[0]), "id: 2\n") || !strings.Contains(string(backlog[0]), `"title":"Read late"`) {
		t.Fatalf("catching up from 1: %q", backlog)
	}
	// Now a stream is open: the next event is read as it is heard and sent to it.
	h.hear(domain.LiveEvent{ID: 3, Type: domain.EventCardCreated, BoardID: board.ID, CardID: card.ID})
	select {
	case f := <-sub.ch:
		if !strings.Contains(string(f), "id: 3\n") || !strings.Contains(string(f), `"title":"Read late"`) {
			t.Fatalf("streamed: %q", f)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the open stream got nothing")
	}
	if ring := hubHeard(t, h, 3); ring[2].frame == nil || ring[2].ev != nil {
		t.Fatalf("heard with a stream open: %+v, want its frame kept", ring[2])
	}
	h.unsubscribe(sub)

	// More unread events after a browser's last id than a stream's buffer: resync.
	for i := range eventBuffer + 1 {
		h.hear(domain.LiveEvent{ID: int64(4 + i), Type: domain.EventCardCreated, BoardID: board.ID, CardID: card.ID})
	}
	hubHeard(t, h, 3+eventBuffer+1)
	late, backlog := h.subscribe("3")
	defer h.unsubscribe(late)
	if len(backlog) != 1 || string(backlog[0]) != string(resyncFrame()) {
		t.Fatalf("catching up on %d unread events: %d frames, want a resync", eventBuffer+1, len(backlog))
	}
}
