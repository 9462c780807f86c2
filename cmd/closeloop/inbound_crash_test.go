package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const crashWhsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

type crashDelivery struct {
	email, msgID string
	body         []byte
}

// post sends a delivery signed now; "" and an error when no answer came.
func (d crashDelivery) post(client *http.Client, url string) (int, string, error) {
	key, _ := base64.StdEncoding.DecodeString(crashWhsec[len("whsec_"):])
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(d.msgID + "." + ts + "." + string(d.body)))
	req, err := http.NewRequest("POST", url, bytes.NewReader(d.body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("webhook-id", d.msgID)
	req.Header.Set("webhook-timestamp", ts)
	req.Header.Set("webhook-signature", "v1,"+base64.StdEncoding.EncodeToString(m.Sum(nil)))
	res, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	var answer struct{ Outcome string }
	if err := json.NewDecoder(res.Body).Decode(&answer); err != nil {
		return res.StatusCode, "", err
	}
	return res.StatusCode, answer.Outcome, nil
}

// TestKillNineServerDuringInboundBurst: the server is killed (-9) while 20 senders
// post signed inbound events. After the restart every event that was answered 2xx is
// linked, and the events that got no answer are safe to redeliver: sending them again
// links each person exactly once, and nothing is linked twice.
func TestKillNineServerDuringInboundBurst(t *testing.T) {
	w := newShippingWorld(t)
	admin := cliToken(t, w.bin, w.env, "admin")
	board, open, _ := shippingBoard(t, w.srv, w.token)
	var numbers []int64
	for i := range 10 {
		var c struct{ Number int64 }
		if code, _ := w.srv.call(t, w.token, "POST", "/api/v1/boards/"+board+"/cards",
			map[string]string{"column_id": open, "kind": "request", "title": fmt.Sprintf("Inbound %d", i)}, &c); code != 201 {
			t.Fatalf("create card: %d", code)
		}
		numbers = append(numbers, c.Number)
	}
	var integ struct{ ID string }
	if code, _ := w.srv.call(t, admin, "POST", "/api/v1/integrations",
		map[string]string{"kind": "generic", "name": "CRM", "secret": crashWhsec}, &integ); code != 201 {
		t.Fatalf("create integration: %d", code)
	}
	const n = 3000
	ds := make([]crashDelivery, n)
	for i := range ds {
		email := fmt.Sprintf("burst%d@example.com", i)
		ds[i] = crashDelivery{email: email, msgID: fmt.Sprintf("msg_%d", i),
			body: fmt.Appendf(nil, `{"card":"closeloop-%d","email":%q,"quote":"Please"}`, numbers[i%len(numbers)], email)}
	}
	path := "/api/v1/hooks/in/" + integ.ID
	client := &http.Client{Timeout: 10 * time.Second}

	answered := make([]bool, n) // 2xx received
	var ok atomic.Int32
	var killed sync.Once
	next := make(chan int)
	var wg sync.WaitGroup
	url := w.srv.base + path
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				status, _, err := ds[i].post(client, url)
				if err == nil && status >= 200 && status < 300 {
					answered[i] = true
					if ok.Add(1) == n/4 {
						killed.Do(w.srv.kill)
					}
				} else if err == nil && status >= 400 && status < 500 {
					t.Errorf("event %d: %d", i, status)
				}
			}
		}()
	}
	for i := range ds {
		next <- i
	}
	close(next)
	wg.Wait()
	killed.Do(w.srv.kill)
	got := int(ok.Load())
	if got >= n {
		t.Fatal("every event was answered before the kill; the test proves nothing")
	}

	leftAtKill := countRows(t, w.db, `SELECT count(*) FROM inbound_events WHERE link IS NOT NULL`)
	w.srv = startServer(t, w.bin, w.env)
	// Links are made after the answers: the restarted server makes those the killed
	// one had not made yet (bounded wait).
	settle := func(when string) {
		pending := 0
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if pending = countRows(t, w.db, `SELECT count(*) FROM inbound_events WHERE link IS NOT NULL`); pending == 0 || time.Now().After(deadline) {
				break
			}
		}
		if pending != 0 {
			t.Errorf("%d links still not made 60 s %s", pending, when)
		}
	}
	settle("after the restart")
	missingLinks := 0
	for i, d := range ds {
		if answered[i] && countRows(t, w.db, `SELECT count(*) FROM requests q JOIN requesters r ON r.id = q.requester_id WHERE r.email = $1`, d.email) != 1 {
			missingLinks++
		}
	}
	committedUnanswered := 0
	for i, d := range ds {
		if !answered[i] && countRows(t, w.db, `SELECT count(*) FROM requesters WHERE email = $1`, d.email) == 1 {
			committedUnanswered++
		}
	}
	// Redeliver what got no answer, as the tool would.
	url = w.srv.base + path
	outcomes := map[string]int{}
	for i, d := range ds {
		if answered[i] {
			continue
		}
		status, outcome, err := d.post(client, url)
		if err != nil || status != 200 {
			t.Fatalf("redelivery of event %d: %d %v", i, status, err)
		}
		outcomes[outcome]++
	}
	settle("after the redelivery")
	t.Logf("at the kill: %d of %d answered 2xx, %d links not made yet; after the restart %d answered events unlinked; %d unanswered had committed; redelivered %v",
		got, n, leftAtKill, missingLinks, committedUnanswered, outcomes)
	if missingLinks != 0 {
		t.Errorf("%d events answered 2xx are not linked after the restart", missingLinks)
	}
	if outcomes["duplicate"] != committedUnanswered || outcomes["linked"] != n-got-committedUnanswered {
		t.Errorf("redelivered: %v; want %d duplicate (committed, answer lost) and %d linked", outcomes, committedUnanswered, n-got-committedUnanswered)
	}
	if requests := countRows(t, w.db, `SELECT count(*) FROM requests`); requests != n {
		t.Errorf("%d requests, want exactly one per event (%d)", requests, n)
	}
	if linked := countRows(t, w.db, `SELECT count(*) FROM inbound_events WHERE outcome = 'linked'`); linked != n {
		t.Errorf("%d events logged linked, want %d", linked, n)
	}
}
