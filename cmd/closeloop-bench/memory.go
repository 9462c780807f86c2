package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// memoryFigure is the server's resident memory around one fan-out of N requesters,
// on a freshly started process (so VmHWM, the kernel's high-water mark, is this
// fan-out's peak).
type memoryFigure struct {
	Requesters int     `json:"requesters"`
	IdleMB     float64 `json:"idle_rss_mb"`    // VmRSS after start, before the move
	PeakMB     float64 `json:"peak_rss_mb"`    // VmHWM after all were accepted and recorded
	SampledMB  float64 `json:"sampled_max_mb"` // the largest VmRSS seen every 50 ms
	Seconds    float64 `json:"fanout_seconds"`
}

// maxFlatGrowth: "flat" means the peak at the largest N is at most 20% above the
// peak at the smallest.
const maxFlatGrowth = 1.2

func benchMemory(ctx context.Context, h *harness, r *results) error {
	sizes := h.opts.MemSizes
	s, err := h.newShipEnv(ctx, "memory", "mem", slicesMax(sizes), smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	for _, n := range sizes {
		// A fresh process per size: its VmHWM then belongs to this fan-out alone.
		s.srv.stop()
		if s.srv, err = s.srv.restart(ctx); err != nil {
			return err
		}
		time.Sleep(time.Second)
		m := memoryFigure{Requesters: n}
		idle, err := procStatusKB(s.srv.PID(), "VmRSS")
		if err != nil {
			return err
		}
		m.IdleMB = float64(idle) / 1024
		sampler := sampleRSS(s.srv.PID(), 50*time.Millisecond)
		took, err := s.timedShip(ctx, fmt.Sprintf("Memory %d", n), n)
		sampled := sampler()
		if err != nil {
			return err
		}
		peak, err := procStatusKB(s.srv.PID(), "VmHWM")
		if err != nil {
			return err
		}
		m.PeakMB, m.SampledMB, m.Seconds = float64(peak)/1024, float64(sampled)/1024, took.accepted.Seconds()
		logf("  N = %d: idle %.0f MB, peak %.0f MB (sampled max %.0f MB), fan-out %.2f s", n, m.IdleMB, m.PeakMB, m.SampledMB, m.Seconds)
		r.Memory = append(r.Memory, m)
	}
	var parts []string
	worst := 0.0
	for _, m := range r.Memory {
		parts = append(parts, fmt.Sprintf("%.0f MB at %d", m.PeakMB, m.Requesters))
		worst = max(worst, m.PeakMB)
	}
	first, last := r.Memory[0], r.Memory[len(r.Memory)-1]
	growth := last.PeakMB / first.PeakMB
	r.check("server peak RSS during fan-out", strings.Join(parts, ", "), "≤ 150 MB", worst <= 150, "")
	r.check(fmt.Sprintf("peak RSS growth %d → %d requesters", first.Requesters, last.Requesters),
		fmt.Sprintf("×%.2f", growth), fmt.Sprintf("flat (≤ ×%.1f)", maxFlatGrowth), growth <= maxFlatGrowth, "")
	return nil
}

// sampleRSS polls VmRSS of pid every interval until the returned func is called,
// which returns the largest value seen in kB.
func sampleRSS(pid int, interval time.Duration) func() int {
	stop, done := make(chan struct{}), make(chan int)
	go func() {
		peak := 0
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			if kb, err := procStatusKB(pid, "VmRSS"); err == nil {
				peak = max(peak, kb)
			}
			select {
			case <-stop:
				done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return func() int { close(stop); return <-done }
}

func slicesMax(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
