package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// fanoutFigure: cards of N requesters moved into Done, each timed from the move call
// until the sink accepted all N, next to the raw ceiling measured between them.
type fanoutFigure struct {
	Requesters  int       `json:"requesters"`
	Connections int       `json:"connections"`
	Runs        []float64 `json:"runs_seconds"`
	Seconds     float64   `json:"seconds"` // median of Runs
	Best        float64   `json:"best_seconds"`
	Worst       float64   `json:"worst_seconds"`
	MailsPerSec float64   `json:"mails_per_second"`      // N / Seconds
	Ratios      []float64 `json:"ratios_to_raw_ceiling"` // each run over the raw ceiling run just before it
	Ratio       float64   `json:"ratio_to_raw_ceiling"`  // median of Ratios
	// CPU per mail over all the runs (the "load generator" is this process: the sink).
	CPU cpuUse `json:"cpu_per_mail"`
}

// moveFigure: the shipping move call, at one requester and at N.
type moveFigure struct {
	At1 latency `json:"at_1"`
	AtN latency `json:"at_n"`
}

type latency struct {
	Requesters int     `json:"requesters"`
	Samples    int     `json:"samples"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	MaxMs      float64 `json:"max_ms"`
}

func newLatency(n int, ds []time.Duration) latency {
	return latency{Requesters: n, Samples: len(ds), P50ms: ms(percentile(ds, 50)), P99ms: ms(percentile(ds, 99)), MaxMs: ms(percentile(ds, 100))}
}

// benchFanout measures the raw ceiling, the fan-out and the move latency on one
// server and one sink. Each move waits for the previous card's mail to be accepted
// and recorded, so no move is timed while another fan-out runs; the raw ceiling runs
// before, between and after the fan-outs, so both see the machine alike.
func benchFanout(ctx context.Context, h *harness, r *results) error {
	o := h.opts
	tmpl, err := h.captureShippedEmail(ctx)
	if err != nil {
		return err
	}
	s, err := h.newShipEnv(ctx, "ship", "ship", o.N, smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	conns, err := s.srv.notifierConnections()
	if err != nil {
		return err
	}
	ceil := &ceiling{Messages: o.N, Connections: conns, MessageBytes: tmpl.Size}
	runCeiling := func() error {
		run, err := h.measureCeilingProcess(ctx, tmpl, s.sink, o.N, conns)
		if err != nil {
			return err
		}
		inProc, err := measureCeiling(ctx, tmpl, s.sink, o.N, conns)
		if err != nil {
			return err
		}
		logf("  raw ceiling: %d messages over %d connections, %.0f mails/s from its own process (%.3f ms CPU per mail), %.0f mails/s from beside the sink",
			o.N, conns, run.MailsPerSec, run.CPUmsPerMsg, inProc)
		ceil.Runs = append(ceil.Runs, run.MailsPerSec)
		ceil.SenderCPUms = append(ceil.SenderCPUms, run.CPUmsPerMsg)
		ceil.InProcessRuns = append(ceil.InProcessRuns, inProc)
		return nil
	}

	logf("move latency at N = 1: %d cards", o.Moves1)
	var at1 []time.Duration
	for i := range o.Moves1 {
		took, err := s.timedShip(ctx, fmt.Sprintf("Small request %d", i), 1)
		if err != nil {
			return err
		}
		at1 = append(at1, took.move)
	}

	// Each fan-out right after its own raw-ceiling run: on a shared machine the two
	// then see the same load, and the ratio is the median of those pairs.
	logf("fan-out and move latency at N = %d: %d cards, each after a raw-ceiling run", o.N, o.MovesN)
	var atN []time.Duration
	var ratios []float64
	fan := &fanoutFigure{Requesters: o.N, Connections: conns}
	stopProfile := s.srv.profile(ctx, "fanout", 10*time.Second)
	var cpu cpuTotal
	for i := range o.MovesN {
		if err := runCeiling(); err != nil {
			return err
		}
		before := h.snapCPU(ctx, s.srv.PID(), s.dbName(), nil)
		took, err := s.timedShip(ctx, fmt.Sprintf("Dark mode %d", i), o.N)
		if err != nil {
			return err
		}
		cpu.add(before, h.snapCPU(ctx, s.srv.PID(), s.dbName(), before.pgPIDs), o.N)
		atN = append(atN, took.move)
		fan.Runs = append(fan.Runs, took.accepted.Seconds())
		rate := float64(o.N) / took.accepted.Seconds()
		ratios = append(ratios, rate/ceil.Runs[len(ceil.Runs)-1])
		logf("  card %d: move %.1f ms, all %d accepted after %.2f s (%.0f mails/s, %.0f%% of the raw ceiling just before)",
			i+1, ms(took.move), o.N, took.accepted.Seconds(), rate, 100*ratios[len(ratios)-1])
	}
	stopProfile()
	if err := s.checkExactlyOnce(ctx, o.Moves1, o.MovesN); err != nil {
		return err
	}

	ceil.MailsPerSec, ceil.InProcessPerSec = median(ceil.Runs), median(ceil.InProcessRuns)
	fan.Seconds, fan.Best, fan.Worst = median(fan.Runs), slices.Min(fan.Runs), slices.Max(fan.Runs)
	fan.MailsPerSec = float64(o.N) / fan.Seconds
	fan.Ratios, fan.Ratio = ratios, median(ratios)
	fan.CPU = cpu.use()
	logf("  CPU per mail during the fan-outs: server %.3f ms, PostgreSQL %.3f ms, sink %.3f ms; machine %.0f%% busy, %.0f%% by other work",
		fan.CPU.ServerMsPerReq, fan.CPU.PostgresMsPerReq, fan.CPU.ClientMsPerReq, fan.CPU.MachineBusyPct, fan.CPU.OthersPct)
	r.Ceiling, r.Fanout = ceil, fan
	r.Move = &moveFigure{At1: newLatency(1, at1), AtN: newLatency(o.N, atN)}

	r.info(fmt.Sprintf("raw ceiling (go-mail in its own process, %d connections; median of %d)", conns, len(ceil.Runs)),
		fmt.Sprintf("%.0f mails/s (%.0f–%.0f)", ceil.MailsPerSec, slices.Min(ceil.Runs), slices.Max(ceil.Runs)))
	r.info("raw ceiling from inside the sink's process (context)",
		fmt.Sprintf("%.0f mails/s (%.0f–%.0f); fan-out %.0f%% of it", ceil.InProcessPerSec,
			slices.Min(ceil.InProcessRuns), slices.Max(ceil.InProcessRuns), 100*fan.MailsPerSec/ceil.InProcessPerSec))
	r.check(fmt.Sprintf("fan-out, %d requesters, all accepted (median of %d)", o.N, len(fan.Runs)),
		fmt.Sprintf("%.2f s, %.0f mails/s (best %.2f s, worst %.2f s)", fan.Seconds, fan.MailsPerSec, fan.Best, fan.Worst), "≤ 5 s", fan.Seconds <= 5, "")
	r.check("fan-out / raw ceiling just before it (median of pairs)", fmt.Sprintf("%.0f%% (%.0f–%.0f%%)", 100*fan.Ratio,
		100*slices.Min(ratios), 100*slices.Max(ratios)), "≥ 70%", fan.Ratio >= 0.7, "")
	for _, l := range []latency{r.Move.At1, r.Move.AtN} {
		r.check(fmt.Sprintf("shipping move p99, N = %d (%d moves)", l.Requesters, l.Samples),
			fmt.Sprintf("%.1f ms (p50 %.1f)", l.P99ms, l.P50ms), "≤ 30 ms", l.P99ms <= 30, "")
	}
	return nil
}

type shipTimes struct{ move, accepted time.Duration }

// timedShip creates a card of n requesters, ships it, and waits until the sink
// accepted its n emails and the server recorded them as sent.
func (s *shipEnv) timedShip(ctx context.Context, title string, n int) (shipTimes, error) {
	return s.timedMove(ctx, title, n, s.ship)
}

// timedMove is timedShip with another move that emails every requester (move).
func (s *shipEnv) timedMove(ctx context.Context, title string, n int, moveCard func(context.Context, uuid.UUID) (time.Duration, error)) (shipTimes, error) {
	card, err := s.card(ctx, title, n)
	if err != nil {
		return shipTimes{}, err
	}
	before := s.sink.Total()
	start := time.Now()
	move, err := moveCard(ctx, card)
	if err != nil {
		return shipTimes{}, err
	}
	if s.h.opts.Trace {
		go func() {
			var line []string
			for i := 0; i < 100; i++ {
				time.Sleep(100 * time.Millisecond)
				got := s.sink.Total() - before
				line = append(line, fmt.Sprint(got))
				if got >= n {
					break
				}
			}
			logf("trace (accepted every 100 ms): %s", strings.Join(line, " "))
		}()
	}
	if !s.sink.WaitTotal(before+n, 5*time.Minute) {
		return shipTimes{}, fmt.Errorf("card %s: the sink accepted %d of %d within 5 minutes (log: %s)", card, s.sink.Total()-before, n, s.srv.LogPath)
	}
	accepted := time.Since(start)
	return shipTimes{move: move, accepted: accepted}, s.waitSent(ctx, card, n, time.Minute)
}

// checkExactlyOnce: requester 1 was on every card, the others on the big ones only;
// each must have received exactly one email per card.
func (s *shipEnv) checkExactlyOnce(ctx context.Context, small, big int) error {
	counts := s.sink.Counts()
	for i := 1; i <= s.requesters; i++ {
		want := big
		if i == 1 {
			want += small
		}
		if got := counts[requesterEmail(s.group, i)]; got != want {
			return fmt.Errorf("%s received %d emails, want %d (one per card)", requesterEmail(s.group, i), got, want)
		}
	}
	return nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
