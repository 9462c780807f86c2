package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
)

// sseEvent is one Server-Sent Event as a browser's EventSource sees it.
type sseEvent struct {
	ID, Type string
	Data     map[string]any
}

// sseStream reads GET /events of one server.
type sseStream struct {
	events chan sseEvent
	cancel context.CancelFunc
}

func openStream(t *testing.T, base, token, lastID string) *sseStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/v1/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		cancel()
		t.Fatalf("GET /events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	s := &sseStream{events: make(chan sseEvent, 100), cancel: cancel}
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.Type != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				ev.ID = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.Type = line[7:]
			case strings.HasPrefix(line, "data: "):
				_ = json.Unmarshal([]byte(line[6:]), &ev.Data)
			}
		}
	}()
	t.Cleanup(cancel)
	return s
}

// next waits for the next event of one of types (others are skipped).
func (s *sseStream) next(t *testing.T, timeout time.Duration, types ...string) sseEvent {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				t.Fatalf("the stream ended waiting for %v", types)
			}
			for _, ty := range types {
				if ev.Type == ty {
					return ev
				}
			}
		case <-deadline:
			t.Fatalf("no %v within %v", types, timeout)
		}
	}
}

func startReplica(t *testing.T, dbURL string) *app {
	t.Helper()
	cfg, err := loadConfig(envFrom(map[string]string{"DATABASE_URL": dbURL, "CLOSELOOP_ADDR": "127.0.0.1:0", "CLOSELOOP_DATA_DIR": t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	a, err := startApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.close(context.Background()) })
	return a
}

func apiCall(t *testing.T, base, token, method, path string, body any) map[string]any {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, base+path, bytes.NewReader(raw))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %v", method, path, resp.StatusCode, out)
	}
	return out
}

// Two replicas on one database: a change made through one reaches a browser streaming
// from the other, with the object; a browser that reconnects with Last-Event-ID gets
// what it missed, and one whose id is unknown is told to resync.
func TestLiveEventsReachEveryReplica(t *testing.T) {
	dbURL := testdb.New(t)
	a, b := startReplica(t, dbURL), startReplica(t, dbURL)
	svc := domain.NewService(domain.NewDB(a.db.Gorm), nil)
	_, token, err := svc.CreateToken(context.Background(), domain.Actor{Name: "test", Role: domain.RoleAdmin}, "live", domain.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	baseA, baseB := "http://"+a.Addr(), "http://"+b.Addr()
	board := apiCall(t, baseA, token, "POST", "/api/v1/boards", map[string]any{"name": "Live"})
	boardID := board["id"].(string)
	cols := board["columns"].([]any)
	col0, col1 := cols[0].(map[string]any)["id"].(string), cols[1].(map[string]any)["id"].(string)
	stream := openStream(t, baseB, token, "")

	// B's listener may still be connecting: create cards on A until B streams one.
	var first sseEvent
	for i := 0; ; i++ {
		apiCall(t, baseA, token, "POST", "/api/v1/boards/"+boardID+"/cards", map[string]any{"column_id": col0, "kind": "idea", "title": fmt.Sprintf("probe %d", i)})
		select {
		case first = <-stream.events:
		case <-time.After(300 * time.Millisecond):
			if i < 15 {
				continue
			}
			t.Fatal("replica B streamed nothing of 15 cards created on A")
		}
		break
	}
	if first.Type != "card.created" || first.ID == "" || first.Data["card"] == nil {
		t.Fatalf("first event: %+v", first)
	}

	card := apiCall(t, baseA, token, "POST", "/api/v1/boards/"+boardID+"/cards", map[string]any{"column_id": col0, "kind": "idea", "title": "Dark mode"})
	start := time.Now()
	ev := stream.next(t, 5*time.Second, "card.created")
	for ev.Data["card"].(map[string]any)["title"] != "Dark mode" {
		ev = stream.next(t, 5*time.Second, "card.created")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("card.created reached the other replica after %v", took)
	}
	if ev.Data["board_id"] != boardID || ev.Data["card_id"] != card["id"] {
		t.Errorf("card.created ids: %v", ev.Data)
	}
	apiCall(t, baseA, token, "POST", "/api/v1/cards/"+card["id"].(string)+"/move", map[string]any{"column_id": col1})
	moved := stream.next(t, 5*time.Second, "card.moved")
	if c := moved.Data["card"].(map[string]any); c["column_id"] != col1 || moved.Data["from_column_id"] != col0 {
		t.Errorf("card.moved: %v", moved.Data)
	}
	apiCall(t, baseA, token, "POST", "/api/v1/cards/"+card["id"].(string)+"/requests", map[string]any{"email": "maria@acme.test", "quote": "Please"})
	linked := stream.next(t, 5*time.Second, "request.linked")
	if r, _ := linked.Data["requester"].(map[string]any); r == nil || r["email"] != "maria@acme.test" {
		t.Errorf("request.linked: %v", linked.Data)
	}

	// Shipped: the emails' progress streams without polling, to the last one sent.
	done := cols[3].(map[string]any)["id"].(string)
	apiCall(t, baseA, token, "POST", "/api/v1/cards/"+card["id"].(string)+"/move", map[string]any{"column_id": done})
	for {
		p := stream.next(t, 10*time.Second, "delivery.progress")
		sum, _ := p.Data["summary"].(map[string]any)
		if p.Data["card_id"] != card["id"] || sum == nil {
			t.Fatalf("delivery.progress: %v", p.Data)
		}
		if sum["sent"] == float64(1) {
			linked = p // the last event this tab saw
			break
		}
	}

	// A stale tab: gone while a card was made, back (on A this time) with its last id.
	stream.cancel()
	apiCall(t, baseA, token, "POST", "/api/v1/boards/"+boardID+"/cards", map[string]any{"column_id": col0, "kind": "idea", "title": "Missed"})
	time.Sleep(300 * time.Millisecond) // both replicas have heard it
	again := openStream(t, baseA, token, linked.ID)
	caught := again.next(t, 5*time.Second, "card.created", "resync")
	if caught.Type != "card.created" || caught.Data["card"].(map[string]any)["title"] != "Missed" {
		t.Errorf("catching up from %s: %+v", linked.ID, caught)
	}
	unknown := openStream(t, baseB, token, "999999999")
	if ev := unknown.next(t, 5*time.Second, "resync", "card.created"); ev.Type != "resync" {
		t.Errorf("an unknown Last-Event-ID got %+v, want resync", ev)
	}
}
