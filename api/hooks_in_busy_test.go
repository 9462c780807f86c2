package api

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// TestInboundBusy: with every answer slot in use and domain.InboundAnswerWaiters
// deliveries waiting (here none may wait), the next delivery is refused with 429
// rate_limited and Retry-After, writes nothing and is counted as busy; sent again once
// the slot is free, it links.
func TestInboundBusy(t *testing.T) {
	slots, waiters := domain.InboundAnswerSlots, domain.InboundAnswerWaiters
	domain.InboundAnswerSlots, domain.InboundAnswerWaiters = 1, 0
	t.Cleanup(func() { domain.InboundAnswerSlots, domain.InboundAnswerWaiters = slots, waiters })
	env := newTestAPI(t, &joinCounter{})
	b := createBoardAPI(t, env, "Busy")
	card := createCardAPI(t, env, b, 0, "Dark mode")
	integ := (&fixtures{t: t, env: env}).newIntegration("generic")
	var number int64
	if err := env.db.Raw(`SELECT number FROM cards WHERE id = ?`, card.ID).Scan(&number).Error; err != nil {
		t.Fatal(err)
	}
	body := func(email string) string {
		return fmt.Sprintf(`{"card":"closeloop-%d","email":%q}`, number, email)
	}

	// The first delivery takes the one slot, and its insert waits for the test's lock.
	lock := env.db.Begin()
	t.Cleanup(func() { lock.Rollback() })
	if err := lock.Exec(`LOCK TABLE inbound_events IN EXCLUSIVE MODE`).Error; err != nil {
		t.Fatal(err)
	}
	first := make(chan int, 1)
	go func() {
		req := signedGeneric(integ.ID, "msg_first", body("first@example.com"), time.Now())
		status, _ := postHook(t, env, integ.ID, body("first@example.com"), req.headers)
		first <- status
	}()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		var waiting int
		if err := env.db.Raw(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`).
			Scan(&waiting).Error; err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first delivery never waited for the lock")
		}
	}

	before := tableCounts(t, env)
	second := signedGeneric(integ.ID, "msg_second", body("second@example.com"), time.Now())
	send := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/api/v1/hooks/in/"+integ.ID.String(), strings.NewReader(body("second@example.com")))
		ctx, cancel := context.WithTimeout(req.Context(), 5*time.Second) // a refusal does not wait
		t.Cleanup(cancel)
		req = req.WithContext(ctx)
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(second.headers); i += 2 {
			req.Header.Set(second.headers[i], second.headers[i+1])
		}
		return env.serve(t, req)
	}
	rec := send()
	mustStatus(t, rec.Code, http.StatusTooManyRequests, rec.Body.Bytes())
	if got := decode[ErrorBody](t, rec.Body.Bytes()).Error.Code; got != "rate_limited" {
		t.Errorf("code %q, want rate_limited", got)
	}
	if got := rec.Header().Get("Retry-After"); got != "5" {
		t.Errorf("Retry-After %q, want 5", got)
	}
	if got := changed(before, tableCounts(t, env)); len(got) != 0 {
		t.Errorf("the refused delivery wrote %v", got)
	}

	lock.Rollback()
	select {
	case status := <-first:
		mustStatus(t, status, http.StatusOK, nil)
	case <-time.After(10 * time.Second):
		t.Fatal("the first delivery was not answered after the lock was gone")
	}
	rec = send()
	mustStatus(t, rec.Code, http.StatusOK, rec.Body.Bytes())
	if got := decode[struct{ Outcome string }](t, rec.Body.Bytes()).Outcome; got != "linked" {
		t.Errorf("sent again: %s, want linked", got)
	}
	_, metrics := env.call(t, "", "GET", "/metrics", nil)
	for _, line := range []string{`closeloop_inbound_events_total{outcome="busy"} 1`, `closeloop_inbound_events_total{outcome="linked"} 2`} {
		if !bytes.Contains(metrics, []byte(line)) {
			t.Errorf("/metrics lacks %s", line)
		}
	}
}
