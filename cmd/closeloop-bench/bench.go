package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
)

// benchRuns are the sections of bench in the order they run; their names are sections
// (options.go), which -only accepts.
var benchRuns = []struct {
	name string
	run  func(context.Context, *harness, *results) error
}{
	{"fanout", benchFanout}, {"status", benchStatus}, {"board", benchBoard}, {"memory", benchMemory}, {"scale", benchScale},
	{"search", benchSearch}, {"live", benchLive},
	{"import", benchImport}, {"webhooks", benchWebhooks}, {"inbound", benchInbound}, {"ui", benchUI},
}

// runBench measures every section asked for, prints the targets table and writes the
// JSON. A section that fails is reported and the others still run; the exit status
// is non-zero when a section could not be measured (a missed target is a figure, not
// a failure of the program).
func runBench(ctx context.Context, h *harness) error {
	o := h.opts
	r := &results{Machine: h.describeMachine(ctx), Options: map[string]any{
		"n": o.N, "clients": o.Clients, "duration": o.Duration.String(), "moves_at_1": o.Moves1,
		"moves_at_n": o.MovesN, "memory_sizes": o.MemSizes, "scale_requesters": o.ScaleReq,
		"scale_cards": o.ScaleCards, "gomaxprocs": runtime.GOMAXPROCS(0),
	}}
	logf("machine: %s", r.Machine)
	for _, s := range benchRuns {
		if !o.want(s.name) || ctx.Err() != nil {
			continue
		}
		logf("== %s", s.name)
		if err := s.run(ctx, h, r); err != nil {
			logf("%s: %v", s.name, err)
			r.Problems = append(r.Problems, fmt.Sprintf("%s: %v", s.name, err))
		}
	}
	r.Machine.LoadAfter = loadavg()
	r.print(os.Stdout)
	if err := r.write(o.JSON); err != nil {
		return err
	}
	logf("wrote %s", o.JSON)
	if len(r.Problems) > 0 {
		return fmt.Errorf("%d sections could not be measured", len(r.Problems))
	}
	return ctx.Err()
}

// benchBoard: 1,000 cards with requester counts, read by 50 concurrent clients.
func benchBoard(ctx context.Context, h *harness, r *results) error {
	e, err := h.newEnv(ctx, "board", "")
	if err != nil {
		return err
	}
	defer e.close()
	b, err := seedReadBoard(ctx, e, "board", 1000)
	if err != nil {
		return err
	}
	if err := checkBoard(ctx, e.api, b.ID, 1000); err != nil {
		return err
	}
	logf("board read: %d clients for %v", h.opts.Clients, h.opts.Duration)
	stopProfile := e.srv.profile(ctx, "board-read", h.opts.Duration)
	read := measureBoardRead(ctx, e, b.ID, 1000, boardPage, h.opts)
	stopProfile()
	logf("  %s", read.loadResult)
	r.Board = &read
	checkRead(r, "board read, 1,000 cards, pages of 200", read.loadResult)
	// For context, not a target: the same walk in the API's default pages of 50.
	logf("board read in default pages (50): %d clients for %v", h.opts.Clients, h.opts.Duration)
	small := measureBoardRead(ctx, e, b.ID, 1000, 0, h.opts)
	logf("  %s", small.loadResult)
	r.BoardDefault = &small
	r.info("board read, default pages of 50 (context)", fmt.Sprintf("%.0f req/s, p99 %.1f ms", small.RPS, small.P99ms))
	return nil
}
