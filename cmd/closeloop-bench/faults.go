package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"
)

// faultConfig is the size of the suite: the full one, or the shortened CI one.
type faultConfig struct {
	N        int           // requesters of the fan-out card
	Kills    int           // kill -9 count during the crash fan-out
	Outage   time.Duration // how long the sink answers 4xx
	Replicas int           // requesters of each replicas card
	Short    bool          // the CI version: correctness is checked, throughput ratios only reported
}

// faultResult is one scenario's verdict: any failure makes the suite fail.
type faultResult struct {
	Name     string         `json:"name"`
	Passed   bool           `json:"passed"`
	Failures []string       `json:"failures,omitempty"`
	Notes    []string       `json:"notes,omitempty"`
	Figures  map[string]any `json:"figures,omitempty"`
	Seconds  float64        `json:"seconds"`
}

func (r *faultResult) fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.Failures = append(r.Failures, msg)
	logf("  FAIL: %s", msg)
}

func (r *faultResult) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.Notes = append(r.Notes, msg)
	logf("  %s", msg)
}

// expect records a failure unless ok.
func (r *faultResult) expect(ok bool, format string, args ...any) {
	if ok {
		r.note("ok: "+format, args...)
	} else {
		r.fail(format, args...)
	}
}

func runFaults(ctx context.Context, h *harness) error {
	o := h.opts
	// Replicas: the notifier leases sends in batches of 100, one sender per batch, so
	// a card of few batches ends with senders idle while the last batches finish, and
	// that tail, not the replicas, sets the time (4,000 requesters measured ×2.45).
	// The full suite uses the fan-out size; the short one 1,200 = 12 batches, one
	// round for 3 replicas × 4 senders and three rounds for one replica.
	cfg := faultConfig{N: o.N, Kills: o.Kills, Outage: 60 * time.Second, Replicas: o.N}
	if o.Short {
		cfg = faultConfig{N: min(o.N, 2000), Kills: 1, Outage: 15 * time.Second, Replicas: 1200, Short: true}
	}
	logf("fault suite: %+v", cfg)
	scenarios := map[string]func(context.Context, *harness, faultConfig, *faultResult) error{
		"crash": faultCrash, "smtp4xx": faultSMTPOutage, "smtp5xx": faultSMTPReject,
		"postgres": faultPostgresRestart, "replicas": faultReplicas,
	}
	var results []*faultResult
	for _, name := range faultNames {
		if !o.want(name) || ctx.Err() != nil {
			continue
		}
		logf("== fault: %s", name)
		res := &faultResult{Name: name, Figures: map[string]any{}}
		start := time.Now()
		if err := scenarios[name](ctx, h, cfg, res); err != nil {
			res.fail("could not run: %v", err)
		}
		res.Seconds = time.Since(start).Seconds()
		res.Passed = len(res.Failures) == 0
		results = append(results, res)
	}
	printFaults(results)
	b, _ := json.MarshalIndent(map[string]any{"config": cfg, "short": o.Short, "scenarios": results}, "", "  ")
	if err := os.WriteFile(o.JSON, append(b, '\n'), 0o644); err != nil {
		return err
	}
	logf("wrote %s", o.JSON)
	var failed []string
	for _, r := range results {
		if !r.Passed {
			failed = append(failed, r.Name)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("FAULT SUITE FAILED: %s (see above: loss, excess duplicates or no recovery)", strings.Join(failed, ", "))
	}
	return ctx.Err()
}

func printFaults(results []*faultResult) {
	tw := tabwriter.NewWriter(os.Stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "\nscenario\tresult\ttime\tdetails")
	for _, r := range results {
		verdict, details := "passed", strings.Join(r.Notes, "; ")
		if !r.Passed {
			verdict, details = "FAILED", strings.Join(r.Failures, "; ")
		}
		fmt.Fprintf(tw, "%s\t%s\t%.0f s\t%s\n", r.Name, verdict, r.Seconds, details)
	}
	tw.Flush()
}
