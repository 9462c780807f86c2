package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// liveFigure: GET /events with two replicas on one database. Clients connect, half to
// each replica; cards are moved one after another through the first replica; for each
// move, the time from just before the move request to the moment the last client got
// its card.moved (so it includes the request itself). RSS is each replica's VmRSS
// before and after its clients connected.
type liveFigure struct {
	Clients         int       `json:"clients"`
	Moves           int       `json:"moves"`
	Missing         int       `json:"missing_events"` // client × move pairs never received
	P50ms           float64   `json:"p50_ms"`
	P95ms           float64   `json:"p95_ms"`
	MaxMs           float64   `json:"max_ms"`
	RSSBeforeMB     []float64 `json:"rss_before_mb"`
	RSSAfterMB      []float64 `json:"rss_after_mb"`
	ExtraMBPer100   float64   `json:"extra_rss_mb_per_100_clients"`
	PerMoveAllMs    []float64 `json:"per_move_ms"`
	ReplicaAClients int       `json:"replica_a_clients"`
}

const (
	liveClients = 200
	liveMoves   = 100
)

func benchLive(ctx context.Context, h *harness, r *results) error {
	e, err := h.newEnv(ctx, "live", "")
	if err != nil {
		return err
	}
	defer e.close()
	second, err := h.startServer(ctx, serverConfig{Name: "live-replica", DatabaseURL: e.dbURL})
	if err != nil {
		return err
	}
	defer second.stop()
	var b struct {
		ID      string `json:"id"`
		Columns []struct {
			ID string `json:"id"`
		} `json:"columns"`
	}
	if err := e.api.call(ctx, "POST", "/api/v1/boards", map[string]any{"name": "Live"}, &b); err != nil {
		return err
	}
	cards := make([]string, liveMoves)
	for i := range cards {
		var c struct {
			ID string `json:"id"`
		}
		if err := e.api.call(ctx, "POST", "/api/v1/boards/"+b.ID+"/cards",
			map[string]any{"column_id": b.Columns[0].ID, "kind": "idea", "title": fmt.Sprintf("Live card %d", i)}, &c); err != nil {
			return err
		}
		cards[i] = c.ID
	}
	servers := []*server{e.srv, second}
	f := &liveFigure{Clients: liveClients, Moves: liveMoves, ReplicaAClients: liveClients / 2}
	for _, s := range servers {
		kb, _ := procStatusKB(s.PID(), "VmRSS")
		f.RSSBeforeMB = append(f.RSSBeforeMB, float64(kb)/1024)
	}
	// Each client records when it got each card's card.moved.
	got := make([]map[string]time.Time, liveClients)
	var mu sync.Mutex
	streamCtx, stop := context.WithCancel(ctx)
	defer stop()
	var connected, finished sync.WaitGroup
	client := &http.Client{}
	for i := range liveClients {
		got[i] = map[string]time.Time{}
		connected.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			base := servers[i%2].URL
			req, _ := http.NewRequestWithContext(streamCtx, "GET", base+"/api/v1/events", nil)
			req.Header.Set("Authorization", "Bearer "+e.token)
			resp, err := client.Do(req)
			if err != nil {
				connected.Done()
				return
			}
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			first := true
			event := ""
			for sc.Scan() {
				line := sc.Text()
				if first && line == ": connected" {
					first = false
					connected.Done()
				}
				switch {
				case strings.HasPrefix(line, "event: "):
					event = line[7:]
				case strings.HasPrefix(line, "data: ") && event == "card.moved":
					at := time.Now()
					var d struct {
						CardID string `json:"card_id"`
					}
					if json.Unmarshal([]byte(line[6:]), &d) == nil {
						mu.Lock()
						if _, ok := got[i][d.CardID]; !ok {
							got[i][d.CardID] = at
						}
						mu.Unlock()
					}
				}
			}
			if first {
				connected.Done()
			}
		}()
	}
	connected.Wait()
	time.Sleep(time.Second) // the streams settle
	for _, s := range servers {
		kb, _ := procStatusKB(s.PID(), "VmRSS")
		f.RSSAfterMB = append(f.RSSAfterMB, float64(kb)/1024)
	}
	logf("live: %d clients on 2 replicas; RSS %.1f → %.1f MB and %.1f → %.1f MB", liveClients,
		f.RSSBeforeMB[0], f.RSSAfterMB[0], f.RSSBeforeMB[1], f.RSSAfterMB[1])
	starts := map[string]time.Time{}
	for _, id := range cards {
		starts[id] = time.Now()
		if err := e.api.call(ctx, "POST", "/api/v1/cards/"+id+"/move", map[string]any{"column_id": b.Columns[1].ID}, nil); err != nil {
			return err
		}
	}
	time.Sleep(3 * time.Second) // the last events arrive
	stop()
	finished.Wait()
	var worst []time.Duration
	for _, id := range cards {
		var w time.Duration
		for i := range liveClients {
			at, ok := got[i][id]
			if !ok {
				f.Missing++
				continue
			}
			w = max(w, at.Sub(starts[id]))
		}
		worst = append(worst, w)
		f.PerMoveAllMs = append(f.PerMoveAllMs, ms(w))
	}
	slices.Sort(worst)
	f.P50ms, f.P95ms, f.MaxMs = ms(percentile(worst, 50)), ms(percentile(worst, 95)), ms(worst[len(worst)-1])
	extra := 0.0
	for i := range servers {
		extra += f.RSSAfterMB[i] - f.RSSBeforeMB[i]
	}
	f.ExtraMBPer100 = extra / (float64(liveClients) / 100)
	r.Live = f
	logf("  move → every client's event: p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d missing", f.P50ms, f.P95ms, f.MaxMs, f.Missing)
	r.check(fmt.Sprintf("live updates, %d clients on 2 replicas, %d moves: commit → every client's event, p95", liveClients, liveMoves),
		fmt.Sprintf("%.1f ms (p50 %.1f, max %.1f)", f.P95ms, f.P50ms, f.MaxMs), "≤ 1 s", f.P95ms <= 1000 && f.Missing == 0,
		map[bool]string{true: fmt.Sprintf("%d events missing", f.Missing)}[f.Missing > 0])
	r.info("extra server RSS per 100 connected clients", fmt.Sprintf("%.1f MB", f.ExtraMBPer100))
	return nil
}
