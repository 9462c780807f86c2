// Command closeloop-bench measures a real `closeloop serve` against the targets of
// docs/benchmarks.md and runs the fault suite. It builds the server, gives it a fresh
// PostgreSQL database and an in-process SMTP sink, all on 127.0.0.1.
//
//	closeloop-bench bench   [flags]   every figure, printed as a table and written as JSON
//	closeloop-bench faults  [flags]   the fault suite; exits non-zero on any loss or excess duplicate
//	closeloop-bench seed    [flags]   only load the scale database (1M requesters, 100k cards)
//	closeloop-bench mailcheck [flags] every end-user email through Mailpit's HTML and link checks
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "closeloop-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		args = []string{"bench"}
	}
	if args[0] == "ceiling-send" { // the raw ceiling's own process (ceiling_process.go)
		return ceilingSend(ctx, args[1:])
	}
	opts, err := parseOptions(args[0], args[1:])
	if err != nil {
		return err
	}
	h, err := newHarness(ctx, opts)
	if err != nil {
		return err
	}
	defer h.close()
	switch args[0] {
	case "bench":
		return runBench(ctx, h)
	case "faults":
		return runFaults(ctx, h)
	case "mailcheck":
		return runMailCheck(ctx, h)
	case "seed":
		_, err := h.scaleDatabase(ctx)
		return err
	}
	return fmt.Errorf("unknown mode %q (bench, faults, seed or mailcheck)", args[0])
}
