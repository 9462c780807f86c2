package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/webhooks"
)

// webhooksFigure: outbound events to a local Standard Webhooks receiver that
// verifies every signature.
type webhooksFigure struct {
	Events         int     `json:"events"`
	MakeSeconds    float64 `json:"events_made_seconds"`      // all cards created (the events committed)
	DeliverSeconds float64 `json:"all_delivered_seconds"`    // from the first event to the last delivery
	LagSeconds     float64 `json:"after_last_event_seconds"` // from the last event to the last delivery
	BadSignatures  int64   `json:"bad_signatures"`
	CPU            cpuUse  `json:"cpu"` // of the first 5,000, per card made (delivery included)
	DownEvents     int     `json:"down_run_events"`
	DownSeconds    float64 `json:"down_seconds"`
	DownDelivered  int     `json:"down_run_delivered"`
	DownLost       int     `json:"down_run_lost"`
	DownTotalS     float64 `json:"down_run_all_delivered_seconds"`
	BacklogReadyS  float64 `json:"backlog_server_ready_seconds"`
	BacklogDrainS  float64 `json:"backlog_all_delivered_seconds"`
}

// A short retry schedule, so the second run's retries come back within seconds of
// the receiver; loopback receivers need private addresses allowed.
var webhookEnv = []string{"CLOSELOOP_WEBHOOK_ALLOW_PRIVATE=true", "CLOSELOOP_WEBHOOK_RETRY=1s,2s,4s,8s,10s,10s,10s,10s,10s,10s"}

const (
	webhookEvents  = 5000
	webhookTargetS = 10.0
	webhookDown    = 30 * time.Second
	webhookMakers  = 16
	webhookBoards  = 6
)

// benchWebhooks: 5,000 card.created events (cards made through the API by 16
// clients) to a local receiver, timed until all are delivered; then 5,000 more with
// the receiver down (connection refused) for 30 s in the middle: none may be lost;
// then a backlog of 5,000 made while the server is stopped, timed from its start.
func benchWebhooks(ctx context.Context, h *harness, r *results) error {
	e, err := h.newEnv(ctx, "webhooks", "", webhookEnv...)
	if err != nil {
		return err
	}
	defer e.close()
	rcv, err := startWebhookReceiver()
	if err != nil {
		return err
	}
	defer rcv.stop()
	var hook struct {
		Secret string `json:"secret"`
	}
	if err := e.api.call(ctx, "POST", "/api/v1/webhooks", map[string]any{"url": rcv.url(), "format": "standard",
		"events": []string{"card.created"}}, &hook); err != nil {
		return err
	}
	rcv.secret = hook.Secret
	// Each maker adds to a column of its own (the three columns before Done of
	// webhookBoards boards; nothing is created shipped): cards
	// of one column are made one at a time (the column lock orders their positions), so
	// 16 makers on one column would measure that, not the events.
	places, err := makerColumns(ctx, e, webhookBoards, webhookMakers)
	if err != nil {
		return err
	}
	makeCards := func(n int, label string, during func(made int)) (time.Time, time.Time, error) {
		start := time.Now()
		var next, made atomic.Int64
		var wg sync.WaitGroup
		errs := make(chan error, webhookMakers)
		for m := range webhookMakers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				place := places[m]
				for {
					i := int(next.Add(1))
					if i > n || ctx.Err() != nil {
						return
					}
					if err := e.api.call(ctx, "POST", "/api/v1/boards/"+place.board+"/cards", map[string]any{
						"column_id": place.column, "kind": "idea", "title": fmt.Sprintf("%s %d", label, i)}, nil); err != nil {
						errs <- err
						return
					}
					if during != nil {
						during(int(made.Add(1)))
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		return start, time.Now(), <-errs
	}

	f := &webhooksFigure{Events: webhookEvents}
	logf("webhooks: %d card.created events to a local receiver", webhookEvents)
	cpuStart := h.snapCPU(ctx, e.srv.PID(), e.dbName(), nil)
	stopProfile := e.srv.profile(ctx, "webhooks", 8*time.Second) // -pprof: the first 8 s of the making
	start, made, err := makeCards(webhookEvents, "Hook", nil)
	if err != nil {
		return err
	}
	last, err := rcv.waitFor(ctx, webhookEvents, 2*time.Minute)
	if err != nil {
		return err
	}
	// Backends opened during the run count from 0; the card's CPU includes its delivery.
	f.CPU = h.snapCPU(ctx, e.srv.PID(), e.dbName(), nil).since(cpuStart, webhookEvents)
	stopProfile()
	f.MakeSeconds, f.DeliverSeconds, f.LagSeconds = made.Sub(start).Seconds(), last.Sub(start).Seconds(), last.Sub(made).Seconds()
	logf("  made in %.2f s; all delivered %.2f s after the first (%.2f s after the last); %d bad signatures",
		f.MakeSeconds, f.DeliverSeconds, f.LagSeconds, rcv.bad.Load())
	logf("  CPU per card made and delivered: server %.2f ms, PostgreSQL %.2f ms, clients and receiver %.2f ms; machine %.0f %% busy, %.0f %% by other work",
		f.CPU.ServerMsPerReq, f.CPU.PostgresMsPerReq, f.CPU.ClientMsPerReq, f.CPU.MachineBusyPct, f.CPU.OthersPct)

	// The receiver goes down for 30 s once half of the second run is made.
	f.DownEvents, f.DownSeconds = webhookEvents, webhookDown.Seconds()
	logf("webhooks: %d more with the receiver down for %v mid-run", webhookEvents, webhookDown)
	var downOnce sync.Once
	downDone := make(chan error, 1)
	start, _, err = makeCards(webhookEvents, "Down", func(n int) {
		if n == webhookEvents/2 {
			downOnce.Do(func() { go func() { downDone <- rcv.goDown(webhookDown) }() })
		}
	})
	if err != nil {
		return err
	}
	if err := <-downDone; err != nil {
		return err
	}
	last, err = rcv.waitFor(ctx, 2*webhookEvents, 3*time.Minute)
	got := rcv.unique() - webhookEvents
	f.DownDelivered, f.DownLost = got, webhookEvents-got
	if err == nil {
		f.DownTotalS = last.Sub(start).Seconds()
	}
	var succeeded int
	if qerr := e.db.QueryRow(ctx, `SELECT count(*) FROM webhook_deliveries WHERE status = 'succeeded'`).Scan(&succeeded); qerr != nil {
		return qerr
	}
	f.BadSignatures = rcv.bad.Load()
	logf("  delivered %d of %d (%d lost), all in %.1f s; %d deliveries succeeded in the database; %d bad signatures",
		got, webhookEvents, f.DownLost, f.DownTotalS, succeeded, f.BadSignatures)
	r.Webhooks = f
	r.check("outbound webhooks: 5,000 events, time to all delivered", fmt.Sprintf("%.2f s", f.DeliverSeconds),
		"≤ 10 s", f.DeliverSeconds <= webhookTargetS && f.BadSignatures == 0,
		fmt.Sprintf("events made in %.2f s by %d API clients; last delivery %.2f s after the last event", f.MakeSeconds, webhookMakers, f.LagSeconds))
	r.check("outbound webhooks: receiver down 30 s mid-run, events lost", strconv.Itoa(f.DownLost), "0",
		f.DownLost == 0 && succeeded == 2*webhookEvents,
		fmt.Sprintf("all %d delivered %.1f s after the run began; %d succeeded in the database", got, f.DownTotalS, succeeded))
	if err != nil {
		return err
	}

	// The delivery pipeline alone: 5,000 events made while the server is stopped (by
	// this process, through the same domain code, each enqueued in its transaction),
	// then the server starts and works the backlog.
	backlog, err := makeBacklog(ctx, e, places, webhookEvents)
	if err != nil {
		return err
	}
	logf("webhooks: backlog of %d events made in %.1f s with the server stopped", webhookEvents, backlog.Seconds())
	startAt := time.Now()
	if err := e.start(ctx, "", webhookEnv...); err != nil {
		return err
	}
	f.BacklogReadyS = time.Since(startAt).Seconds()
	last, err = rcv.waitFor(ctx, 3*webhookEvents, 2*time.Minute)
	if err != nil {
		return err
	}
	f.BacklogDrainS = last.Sub(startAt).Seconds()
	logf("  all delivered %.2f s after the server was started (ready after %.2f s): %.0f deliveries/s",
		f.BacklogDrainS, f.BacklogReadyS, float64(webhookEvents)/(f.BacklogDrainS-f.BacklogReadyS))
	r.check("outbound webhooks: a backlog of 5,000 events, time to all delivered", fmt.Sprintf("%.2f s", f.BacklogDrainS),
		"≤ 10 s", f.BacklogDrainS <= webhookTargetS,
		fmt.Sprintf("from starting the server (ready after %.2f s) to the last delivery", f.BacklogReadyS))
	return nil
}

// makeBacklog creates n cards on the stopped server's database with the domain
// service and the webhooks outbox as its event sink, 16 at a time (one per column).
func makeBacklog(ctx context.Context, e *env, places []makerColumn, n int) (time.Duration, error) {
	e.srv.stop()
	start := time.Now()
	g, err := gorm.Open(postgres.Open(e.dbURL), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		return 0, err
	}
	sqlDB, err := g.DB()
	if err != nil {
		return 0, err
	}
	defer sqlDB.Close()
	outbox, err := webhooks.New(sqlDB, webhooks.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		return 0, err
	}
	svc := domain.NewService(domain.NewDB(g), nil, outbox)
	actor := domain.Actor{Name: "closeloop-bench", Role: domain.RoleAdmin}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, webhookMakers)
	for m := range webhookMakers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bid, cid := uuid.MustParse(places[m].board), uuid.MustParse(places[m].column)
			for i := int(next.Add(1)); i <= n && ctx.Err() == nil; i = int(next.Add(1)) {
				if _, err := svc.CreateCard(ctx, actor, bid, domain.NewCard{ColumnID: cid, Kind: domain.CardIdea, Title: fmt.Sprintf("Backlog %d", i)}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return time.Since(start), <-errs
}

// webhookReceiver counts distinct webhook-ids with a verified signature.
type webhookReceiver struct {
	secret string
	addr   string
	mu     sync.Mutex
	srv    *http.Server
	seen   map[string]bool
	last   time.Time
	bad    atomic.Int64
}

func startWebhookReceiver() (*webhookReceiver, error) {
	rc := &webhookReceiver{seen: map[string]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	rc.addr = ln.Addr().String()
	rc.serve(ln)
	return rc, nil
}

func (rc *webhookReceiver) url() string { return "http://" + rc.addr + "/hook" }

func (rc *webhookReceiver) serve(ln net.Listener) {
	srv := &http.Server{Handler: http.HandlerFunc(rc.handle), ReadHeaderTimeout: 5 * time.Second}
	rc.mu.Lock()
	rc.srv = srv
	rc.mu.Unlock()
	go srv.Serve(ln) //nolint:errcheck // ends with Close
}

func (rc *webhookReceiver) handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	id := r.Header.Get("webhook-id")
	ts, tsErr := strconv.ParseInt(r.Header.Get("webhook-timestamp"), 10, 64)
	want, signErr := webhooks.Sign(rc.secret, id, ts, body)
	if err != nil || tsErr != nil || signErr != nil || r.Header.Get("webhook-signature") != want {
		rc.bad.Add(1)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.mu.Lock()
	if !rc.seen[id] {
		rc.seen[id] = true
		rc.last = time.Now()
	}
	rc.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (rc *webhookReceiver) unique() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.seen)
}

// goDown closes the listener (connections are refused) for d, then listens again
// on the same address.
func (rc *webhookReceiver) goDown(d time.Duration) error {
	rc.mu.Lock()
	srv := rc.srv
	rc.mu.Unlock()
	srv.Close()
	logf("  receiver down at %d received", rc.unique())
	time.Sleep(d)
	ln, err := net.Listen("tcp", rc.addr)
	if err != nil {
		return fmt.Errorf("receiver back on %s: %w", rc.addr, err)
	}
	rc.serve(ln)
	logf("  receiver up again at %d received", rc.unique())
	return nil
}

// waitFor waits until n distinct deliveries arrived and returns when the last did.
func (rc *webhookReceiver) waitFor(ctx context.Context, n int, within time.Duration) (time.Time, error) {
	deadline := time.Now().Add(within)
	for {
		rc.mu.Lock()
		got, last := len(rc.seen), rc.last
		rc.mu.Unlock()
		if got >= n {
			return last, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return last, errors.New("webhooks: " + strconv.Itoa(got) + " of " + strconv.Itoa(n) + " delivered within " + within.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (rc *webhookReceiver) stop() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.srv.Close()
}

// makerColumn is where one maker adds its cards.
type makerColumn struct{ board, column string }

// makerColumns makes boards and hands each of n makers one of their columns before
// the last (Done).
func makerColumns(ctx context.Context, e *env, boards, n int) ([]makerColumn, error) {
	var all []makerColumn
	for i := range boards {
		var b struct {
			ID      string `json:"id"`
			Columns []struct {
				ID string `json:"id"`
			} `json:"columns"`
		}
		if err := e.api.call(ctx, "POST", "/api/v1/boards", map[string]string{"name": fmt.Sprintf("Webhooks bench %d", i+1)}, &b); err != nil {
			return nil, err
		}
		for _, c := range b.Columns[:len(b.Columns)-1] {
			all = append(all, makerColumn{board: b.ID, column: c.ID})
		}
	}
	if len(all) < n {
		return nil, fmt.Errorf("%d columns for %d makers", len(all), n)
	}
	return all[:n], nil
}
