package main

import (
	"log/slog"
	"runtime/debug"
	"strconv"
)

// Garbage collection for serve, unless GOGC or GOMEMLIMIT say otherwise. The live
// heap is small (tens of MB: pools, the kept board pages, a batch of emails in
// hand), so Go's default of collecting each time it doubles made the collector a
// quarter of the notifier's CPU per email. Collecting at 5× (GOGC=400) costs a few
// tens of MB more and gives that CPU back. The soft limit is the server's memory
// budget: a burst with a larger live heap (a 100,000-row requests CSV holds about
// 70 MB while it is linked) makes the collector work harder instead of letting 5×
// that heap pile up — the notifier's own peak (about 45 MB) never reaches it.
const (
	gcPercent   = 400
	gcSoftLimit = 160 << 20
)

func tuneGC(getenv func(string) string, log *slog.Logger) {
	gogc := getenv("GOGC") // the runtime read it at start
	if gogc == "" {
		debug.SetGCPercent(gcPercent)
		gogc = strconv.Itoa(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcSoftLimit)
	}
	// SetMemoryLimit with a negative argument only reads the limit. (SetGCPercent has
	// no such form: -1 turns the collector off, so the percentage is logged as set.)
	log.Debug("garbage collection", "gogc", gogc, "memory_limit_bytes", debug.SetMemoryLimit(-1))
}
