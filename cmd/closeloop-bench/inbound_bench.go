package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Intercom's own scheme
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"
)

const (
	inboundEvents  = 2000
	inboundSenders = 20
	inboundCards   = 100
	inboundP99ms   = 50.0
	inboundWhsec   = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	inboundHubKey  = "bench-intercom-client-secret"
)

// inboundFigure is the inbound section: signed events posted by concurrent senders,
// then the same events redelivered.
type inboundFigure struct {
	Events  int     `json:"events"`
	Senders int     `json:"senders"`
	OK      int     `json:"ok_2xx"`
	Linked  int     `json:"linked"`
	Seconds float64 `json:"seconds"`
	// LinkedSeconds is from the first event until every link is made (the server may
	// make links after its answers): all 2,000 requests in the database.
	LinkedSeconds float64 `json:"linked_seconds"`
	P50ms         float64 `json:"p50_ms"`
	P99ms         float64 `json:"p99_ms"`
	MaxMs         float64 `json:"max_ms"`
	RedeliverOK   int     `json:"redelivered_ok_2xx"`
	Duplicates    int     `json:"redelivered_duplicate"`
	NewLinks      int     `json:"redelivered_new_links"`
	RedelP99ms    float64 `json:"redelivered_p99_ms"`
	FirstErr      string  `json:"first_error,omitempty"`
	// The start of the burst against the rest, by send order (where the tail is).
	First      int     `json:"first_n"`
	FirstP99ms float64 `json:"first_p99_ms"`
	RestP99ms  float64 `json:"rest_p99_ms"`
	FirstOver  int     `json:"first_over_target"`
	RestOver   int     `json:"rest_over_target"`
	CPU        cpuUse  `json:"cpu"` // of the first 2,000, per event, until the last answer
	// LinkCPU is per event from the first event until every link was made (the
	// answers and the links made after them).
	LinkCPU cpuUse `json:"cpu_until_linked"`
}

// inboundLinkWait bounds the wait for links made after the answers.
const inboundLinkWait = 60 * time.Second

// inboundDelivery is one signed POST, kept to send again as a redelivery.
type inboundDelivery struct {
	path    string
	body    []byte
	headers [][2]string
}

// inboundEvent is event i: half Intercom notifications (the older shape, customer
// inline, the agent's note naming the card), half Standard Webhooks (generic).
func inboundEvent(i int, intercomID, genericID string, cardNumber int64, at time.Time) inboundDelivery {
	email := fmt.Sprintf("inbound%05d@example.com", i)
	if i%2 == 0 {
		body := fmt.Sprintf(`{"type":"notification_event","app_id":"bench","id":"notif_%d","topic":"conversation.admin.noted",`+
			`"data":{"type":"notification_event_data","item":{"type":"conversation","id":"%d",`+
			`"user":{"type":"user","id":"u%d","user_id":"u%d","name":"Customer %d","email":%q},`+
			`"conversation_message":{"type":"conversation_message","body":"<p>I need this for my team</p>","author":{"type":"user","id":"u%d"}},`+
			`"conversation_parts":{"type":"conversation_part.list","conversation_parts":[{"type":"conversation_part","id":"p%d","part_type":"note",`+
			`"body":"<p>closeloop-%d</p>","author":{"type":"admin","id":"1"}}]},"tags":{"type":"tag.list","tags":[]},`+
			`"links":{"conversation_web":"https://app.intercom.com/a/apps/bench/conversations/%d"}}}}`,
			i, 700000+i, i, i, i, email, i, i, cardNumber, 700000+i)
		m := hmac.New(sha1.New, []byte(inboundHubKey))
		m.Write([]byte(body))
		return inboundDelivery{path: "/api/v1/hooks/in/" + intercomID, body: []byte(body),
			headers: [][2]string{{"X-Hub-Signature", "sha1=" + hex.EncodeToString(m.Sum(nil))}}}
	}
	body := fmt.Sprintf(`{"card":"closeloop-%d","email":%q,"name":"Customer %d","quote":"From the CRM",`+
		`"conversation_url":"https://crm.example.com/conversations/%d"}`, cardNumber, email, i, i)
	return inboundDelivery{path: "/api/v1/hooks/in/" + genericID, body: []byte(body),
		headers: standardWebhookHeaders(inboundWhsec, fmt.Sprintf("msg_%d", i), []byte(body), at)}
}

func standardWebhookHeaders(whsec, msgID string, body []byte, at time.Time) [][2]string {
	key, _ := base64.StdEncoding.DecodeString(whsec[len("whsec_"):])
	ts := strconv.FormatInt(at.Unix(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msgID + "." + ts + "."))
	m.Write(body)
	return [][2]string{{"webhook-id", msgID}, {"webhook-timestamp", ts},
		{"webhook-signature", "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil))}}
}

// postInbound sends one delivery (no token: the signature is the credential) and
// answers the status, the outcome and how long it took.
func postInbound(ctx context.Context, client *http.Client, base string, d inboundDelivery) (int, string, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+d.path, bytes.NewReader(d.body))
	if err != nil {
		return 0, "", 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	for _, h := range d.headers {
		req.Header.Set(h[0], h[1])
	}
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return 0, "", time.Since(start), err
	}
	defer res.Body.Close()
	var answer struct {
		Outcome string `json:"outcome"`
	}
	derr := json.NewDecoder(res.Body).Decode(&answer)
	took := time.Since(start)
	if derr != nil && res.StatusCode < 300 {
		return res.StatusCode, "", took, derr
	}
	return res.StatusCode, answer.Outcome, took, nil
}

// sendAll sends the deliveries from senders goroutines; it answers each one's
// status, outcome and latency, in order.
func sendAll(ctx context.Context, client *http.Client, base string, ds []inboundDelivery, senders int) ([]int, []string, []time.Duration, error) {
	statuses, outcomes, lat := make([]int, len(ds)), make([]string, len(ds)), make([]time.Duration, len(ds))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				st, out, took, err := postInbound(ctx, client, base, ds[i])
				statuses[i], outcomes[i], lat[i] = st, out, took
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := range ds {
		next <- i
	}
	close(next)
	wg.Wait()
	return statuses, outcomes, lat, firstErr
}

// benchInbound: 2,000 signed inbound events (Intercom and Standard Webhooks) from 20
// concurrent senders, each naming one of 100 cards for a new customer; then the same
// 2,000 deliveries again, which must link nobody new.
func benchInbound(ctx context.Context, h *harness, r *results) error {
	e, err := h.newEnv(ctx, "inbound", "")
	if err != nil {
		return err
	}
	defer e.close()
	numbers, err := seedInboundCards(ctx, e, inboundCards)
	if err != nil {
		return err
	}
	intercomID, err := createIntegration(ctx, e, "intercom", inboundHubKey)
	if err != nil {
		return err
	}
	genericID, err := createIntegration(ctx, e, "generic", inboundWhsec)
	if err != nil {
		return err
	}
	now := time.Now()
	ds := make([]inboundDelivery, inboundEvents)
	for i := range ds {
		ds[i] = inboundEvent(i, intercomID, genericID, numbers[i%len(numbers)], now)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: inboundSenders, MaxConnsPerHost: inboundSenders}}
	f := inboundFigure{Events: inboundEvents, Senders: inboundSenders}
	logf("inbound: %d signed events from %d senders", inboundEvents, inboundSenders)
	stopProfile := e.srv.profile(ctx, "inbound", 10*time.Second) // -pprof: the first 10 s of the burst
	backendsBefore := e.serverBackends(ctx)
	cpuStart := h.snapCPU(ctx, e.srv.PID(), e.dbName(), nil)
	start := time.Now()
	statuses, outcomes, lat, sendErr := sendAll(ctx, client, e.srv.URL, ds, inboundSenders)
	f.Seconds = time.Since(start).Seconds()
	// The backends of the server's pool that opened during the burst count whole.
	f.CPU = h.snapCPU(ctx, e.srv.PID(), e.dbName(), nil).since(cpuStart, inboundEvents)
	stopProfile()
	backendsAfter := e.serverBackends(ctx)
	if sendErr != nil {
		f.FirstErr = sendErr.Error()
	}
	for i := range ds {
		if statuses[i] >= 200 && statuses[i] < 300 {
			f.OK++
		}
		if outcomes[i] == "linked" {
			f.Linked++
		}
	}
	f.splitStart(lat, inboundSplit)
	f.P50ms, f.P99ms, f.MaxMs = ms(percentile(lat, 50)), ms(percentile(lat, 99)), ms(percentile(lat, 100))
	// Every link made: a request per event in the database, however long after its
	// answer (bounded).
	var linkedRows, requests int
	for {
		if err := e.db.QueryRow(ctx, `SELECT (SELECT count(*) FROM inbound_events WHERE outcome = 'linked'), (SELECT count(*) FROM requests)`).
			Scan(&linkedRows, &requests); err != nil {
			return err
		}
		if requests >= inboundEvents || time.Since(start) > inboundLinkWait {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	f.LinkedSeconds = time.Since(start).Seconds()
	f.LinkCPU = h.snapCPU(ctx, e.srv.PID(), e.dbName(), nil).since(cpuStart, inboundEvents)
	logf("  %d × 2xx, %d answered linked, %.2f s, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
		f.OK, f.Linked, f.Seconds, f.P50ms, f.P99ms, f.MaxMs)
	logf("  the server's database sessions: %d before the burst, %d after", backendsBefore, backendsAfter)
	logf("  the first %d sent: p99 %.1f ms, %d over %.0f ms; the other %d: p99 %.1f ms, %d over",
		f.First, f.FirstP99ms, f.FirstOver, inboundP99ms, inboundEvents-f.First, f.RestP99ms, f.RestOver)
	logf("  %d requests in the database %.2f s after the first event (%d events logged linked)", requests, f.LinkedSeconds, linkedRows)
	logf("  CPU per event until the last answer: server %.2f ms, PostgreSQL %.2f ms, senders %.2f ms; machine %.0f %% busy, %.0f %% by other work",
		f.CPU.ServerMsPerReq, f.CPU.PostgresMsPerReq, f.CPU.ClientMsPerReq, f.CPU.MachineBusyPct, f.CPU.OthersPct)
	logf("  CPU per event until all linked: server %.2f ms, PostgreSQL %.2f ms (total %.2f ms); machine %.0f %% busy, %.0f %% by other work",
		f.LinkCPU.ServerMsPerReq, f.LinkCPU.PostgresMsPerReq, f.LinkCPU.ServerMsPerReq+f.LinkCPU.PostgresMsPerReq,
		f.LinkCPU.MachineBusyPct, f.LinkCPU.OthersPct)

	logf("inbound: the same %d deliveries again", inboundEvents)
	statuses, outcomes, lat, sendErr = sendAll(ctx, client, e.srv.URL, ds, inboundSenders)
	if sendErr != nil && f.FirstErr == "" {
		f.FirstErr = sendErr.Error()
	}
	for i := range ds {
		if statuses[i] >= 200 && statuses[i] < 300 {
			f.RedeliverOK++
		}
		if outcomes[i] == "duplicate" {
			f.Duplicates++
		}
	}
	f.RedelP99ms = ms(percentile(lat, 99))
	var after int
	if err := e.db.QueryRow(ctx, `SELECT count(*) FROM requests`).Scan(&after); err != nil {
		return err
	}
	f.NewLinks = after - requests
	logf("  %d × 2xx, %d duplicate, %d new links, p99 %.1f ms", f.RedeliverOK, f.Duplicates, f.NewLinks, f.RedelP99ms)
	r.Inbound = &f
	r.check("inbound: 2,000 signed events, 20 senders, all 2xx", fmt.Sprintf("%d/%d", f.OK, inboundEvents), "2,000", f.OK == inboundEvents, f.FirstErr)
	r.check("inbound: all linked", fmt.Sprintf("%d/%d (%d requests, %.2f s after the first event)", f.Linked, inboundEvents, requests, f.LinkedSeconds), "2,000",
		f.Linked == inboundEvents && requests == inboundEvents && linkedRows == inboundEvents, "")
	r.check("inbound: p99 latency", fmt.Sprintf("%.1f ms (p50 %.1f)", f.P99ms, f.P50ms), "≤ 50 ms", f.P99ms <= inboundP99ms, "")
	r.check("inbound: 2,000 redelivered ⇒ new links", fmt.Sprintf("%d (%d duplicate, %d × 2xx)", f.NewLinks, f.Duplicates, f.RedeliverOK), "0",
		f.NewLinks == 0 && f.Duplicates == inboundEvents && f.RedeliverOK == inboundEvents, "")
	return nil
}

// serverBackends counts the database's sessions other than the bench's own (-1 if
// unknown).
func (e *env) serverBackends(ctx context.Context) int {
	n := -1
	if err := e.db.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
 AND backend_type = 'client backend' AND application_name NOT LIKE 'closeloop-bench%'`).Scan(&n); err != nil {
		return -1
	}
	return n
}

// inboundSplit is how many of the first events sent are the burst's start.
const inboundSplit = 200

// splitStart fills the figures of the first n latencies (in send order) and the rest.
func (f *inboundFigure) splitStart(lat []time.Duration, n int) {
	n = min(n, len(lat))
	first, rest := slices.Clone(lat[:n]), slices.Clone(lat[n:])
	over := func(ds []time.Duration) int {
		c := 0
		for _, d := range ds {
			if ms(d) > inboundP99ms {
				c++
			}
		}
		return c
	}
	f.First, f.FirstOver, f.RestOver = n, over(first), over(rest)
	f.FirstP99ms, f.RestP99ms = ms(percentile(first, 99)), ms(percentile(rest, 99))
}

// seedInboundCards makes a board with n cards through the API and answers their numbers.
func seedInboundCards(ctx context.Context, e *env, n int) ([]int64, error) {
	st, raw, err := e.api.do(ctx, "POST", "/api/v1/boards", map[string]any{"name": "Inbound"})
	if err != nil || st != 201 {
		return nil, fmt.Errorf("create board: %d %s %v", st, raw, err)
	}
	var b struct {
		ID      string `json:"id"`
		Columns []struct {
			ID string `json:"id"`
		} `json:"columns"`
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, err
	}
	numbers := make([]int64, 0, n)
	for i := range n {
		st, raw, err := e.api.do(ctx, "POST", "/api/v1/boards/"+b.ID+"/cards",
			map[string]any{"column_id": b.Columns[0].ID, "kind": "request", "title": fmt.Sprintf("Inbound card %d", i)})
		if err != nil || st != 201 {
			return nil, fmt.Errorf("create card: %d %s %v", st, raw, err)
		}
		var c struct {
			Number int64 `json:"number"`
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, err
		}
		numbers = append(numbers, c.Number)
	}
	return numbers, nil
}

func createIntegration(ctx context.Context, e *env, kind, secret string) (string, error) {
	st, raw, err := e.api.do(ctx, "POST", "/api/v1/integrations", map[string]any{"kind": kind, "name": "bench " + kind, "secret": secret})
	if err != nil || st != 201 {
		return "", fmt.Errorf("create %s integration: %d %s %v", kind, st, raw, err)
	}
	var it struct {
		ID string `json:"id"`
	}
	return it.ID, json.Unmarshal(raw, &it)
}
