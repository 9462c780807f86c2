package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// benchStatus (-only status) is the fan-out of a status-change email: cards of N
// requesters moved into Planned with notify: true (issue 12), each timed from the move
// call until the sink accepted all N and the server recorded them, right after its own
// raw-ceiling run as the shipped fan-out is, so the two compare on a shared machine.
// Everyone must then have received exactly one planned email per card.
func benchStatus(ctx context.Context, h *harness, r *results) error {
	o := h.opts
	tmpl, err := h.captureShippedEmail(ctx)
	if err != nil {
		return err
	}
	s, err := h.newShipEnv(ctx, "status", "status", o.N, smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	if s.board.Columns["planned"] == uuid.Nil {
		return fmt.Errorf("board %s has no planned column", s.board.ID)
	}
	conns, err := s.srv.notifierConnections()
	if err != nil {
		return err
	}
	plan := func(ctx context.Context, card uuid.UUID) (time.Duration, error) {
		body := map[string]any{"column_id": s.board.Columns["planned"], "notify": true, "note": "We plan to start on it next month."}
		start := time.Now()
		err := s.api.call(ctx, "POST", "/api/v1/cards/"+card.String()+"/move", body, nil)
		return time.Since(start), err
	}
	logf("status-change fan-out at N = %d: %d cards into Planned with notify, each after a raw-ceiling run", o.N, o.MovesN)
	fan := &fanoutFigure{Requesters: o.N, Connections: conns}
	var moves []time.Duration
	var ratios []float64
	stopProfile := s.srv.profile(ctx, "status", 10*time.Second)
	for i := range o.MovesN {
		ceil, err := h.measureCeilingProcess(ctx, tmpl, s.sink, o.N, conns)
		if err != nil {
			return err
		}
		took, err := s.timedMove(ctx, fmt.Sprintf("CSV export %d", i), o.N, plan)
		if err != nil {
			return err
		}
		moves = append(moves, took.move)
		fan.Runs = append(fan.Runs, took.accepted.Seconds())
		rate := float64(o.N) / took.accepted.Seconds()
		ratios = append(ratios, rate/ceil.MailsPerSec)
		logf("  card %d: move %.1f ms, all %d accepted after %.2f s (%.0f mails/s, %.0f%% of the raw ceiling just before, %.0f mails/s)",
			i+1, ms(took.move), o.N, took.accepted.Seconds(), rate, 100*ratios[len(ratios)-1], ceil.MailsPerSec)
	}
	stopProfile()
	counts := s.sink.Counts()
	for i := 1; i <= s.requesters; i++ {
		if got := counts[requesterEmail(s.group, i)]; got != o.MovesN {
			return fmt.Errorf("%s received %d planned emails, want %d (one per card)", requesterEmail(s.group, i), got, o.MovesN)
		}
	}
	fan.Seconds, fan.Best, fan.Worst = median(fan.Runs), slices.Min(fan.Runs), slices.Max(fan.Runs)
	fan.MailsPerSec = float64(o.N) / fan.Seconds
	fan.Ratios, fan.Ratio = ratios, median(ratios)
	r.Status = fan
	at := newLatency(o.N, moves)
	r.info(fmt.Sprintf("status-change fan-out (into Planned, notify), %d requesters, all accepted (median of %d)", o.N, len(fan.Runs)),
		fmt.Sprintf("%.2f s, %.0f mails/s (best %.2f s, worst %.2f s); %.0f%% of the raw ceiling just before (%.0f–%.0f%%)",
			fan.Seconds, fan.MailsPerSec, fan.Best, fan.Worst, 100*fan.Ratio, 100*slices.Min(ratios), 100*slices.Max(ratios)))
	r.check(fmt.Sprintf("status-change move p99, N = %d (%d moves)", o.N, at.Samples), fmt.Sprintf("%.1f ms (p50 %.1f)", at.P99ms, at.P50ms), "≤ 30 ms", at.P99ms <= 30, "")
	return nil
}
