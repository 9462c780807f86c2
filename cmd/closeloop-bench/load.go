package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// loadResult is what a closed-loop load run measured: every client sends its next
// request as soon as the previous one answered.
type loadResult struct {
	Clients  int     `json:"clients"`
	Seconds  float64 `json:"seconds"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	RPS      float64 `json:"requests_per_second"`
	P50ms    float64 `json:"p50_ms"`
	P99ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
	FirstErr string  `json:"first_error,omitempty"`
	CPU      cpuUse  `json:"cpu"`
}

func (r loadResult) String() string {
	s := fmt.Sprintf("%d clients, %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests in %.1f s)",
		r.Clients, r.RPS, r.P50ms, r.P99ms, r.MaxMs, r.Requests, r.Seconds)
	if r.Errors > 0 {
		s += fmt.Sprintf(", %d ERRORS (first: %s)", r.Errors, r.FirstErr)
	}
	c := r.CPU
	s += fmt.Sprintf("; CPU per request: server %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms; machine %.0f%% busy, %.0f%% by other work",
		c.ServerMsPerReq, c.PostgresMsPerReq, c.ClientMsPerReq, c.MachineBusyPct, c.OthersPct)
	return s
}

// measureLoad warms the server up for a tenth of the duration, then runs the
// measured load and records where the CPU went.
func (e *env) measureLoad(ctx context.Context, o options, fn func(ctx context.Context, client int) error) loadResult {
	runLoad(ctx, o.Clients, 0, o.Duration/10, fn)
	db := e.dbName()
	start := e.h.snapCPU(ctx, e.srv.PID(), db, nil)
	r := runLoad(ctx, o.Clients, 0, o.Duration, fn)
	r.CPU = e.h.snapCPU(ctx, e.srv.PID(), db, start.pgPIDs).since(start, r.Requests)
	return r
}

// runLoad calls fn from clients goroutines for warmup (not counted) then duration.
// Each client stops at the deadline or after maxPerClient calls, whichever is first.
func runLoad(ctx context.Context, clients int, warmup, duration time.Duration, fn func(ctx context.Context, client int) error) loadResult {
	const maxPerClient = 2_000_000
	var (
		mu       sync.Mutex
		all      []time.Duration
		errs     int
		firstErr string
		wg       sync.WaitGroup
	)
	begin := time.Now()
	measureFrom, end := begin.Add(warmup), begin.Add(warmup+duration)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var e int
			var first string
			for i := 0; i < maxPerClient && ctx.Err() == nil; i++ {
				start := time.Now()
				if start.After(end) {
					break
				}
				err := fn(ctx, c)
				if start.Before(measureFrom) {
					continue
				}
				lat = append(lat, time.Since(start))
				if err != nil {
					if e++; first == "" {
						first = err.Error()
					}
				}
			}
			mu.Lock()
			all = append(all, lat...)
			if errs += e; firstErr == "" {
				firstErr = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	took := time.Since(measureFrom)
	r := loadResult{Clients: clients, Seconds: took.Seconds(), Requests: len(all), Errors: errs, FirstErr: firstErr}
	r.RPS = float64(len(all)) / took.Seconds()
	r.P50ms, r.P99ms, r.MaxMs = ms(percentile(all, 50)), ms(percentile(all, 99)), ms(percentile(all, 100))
	return r
}

// percentile is the nearest-rank percentile p (0–100) of ds; it sorts ds.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	rank := int(float64(len(ds))*p/100+0.9999999) - 1
	return ds[max(0, min(rank, len(ds)-1))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
