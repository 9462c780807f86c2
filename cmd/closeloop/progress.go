package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
)

// progress draws a bar that redraws itself on a terminal, and prints a plain line
// every 10% otherwise (logs, pipes, CI).
type progress struct {
	w        io.Writer
	terminal bool
	last     time.Time
	lastStep int64
	drawn    bool
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, terminal: ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), lastStep: -1}
}

func (p *progress) show(phase string, n, total int64, unit string) {
	if total <= 0 {
		return
	}
	pct := min(n*100/total, 100)
	if !p.terminal {
		if step := pct / 10; step != p.lastStep {
			p.lastStep = step
			fmt.Fprintf(p.w, "%s: %d%% (%d of %d %s)\n", phase, pct, n, total, unit)
		}
		return
	}
	if time.Since(p.last) < 100*time.Millisecond && n < total {
		return
	}
	p.last, p.drawn = time.Now(), true
	const width = 30
	filled := int(pct * width / 100)
	fmt.Fprintf(p.w, "\r%-8s [%s%s] %3d%%  %d of %d %s ", phase, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		pct, n, total, unit)
}

// done ends the bar's line (and starts the plain lines' count afresh).
func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
	p.drawn, p.lastStep = false, -1
}
