package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// benchUI is the UI section (issue 15): frontend/bench/ui-bench.mjs seeds boards of 1,000
// and 5,000 cards through the API of the binary this harness built, drives Debian's
// Chromium with Playwright at 1280×800 and prints the medians of 3 runs (what each figure
// is: the script's header). Its targets join the table. The binary embeds frontend/dist,
// so the UI must have been built (`make ui`; `make bench-ui` builds it and runs only this).
func benchUI(ctx context.Context, h *harness, r *results) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "frontend/dist/index.html")); err != nil {
		return errors.New("the UI is not built (frontend/dist is empty): run `make ui` first, or `make bench-ui`")
	}
	out := filepath.Join(h.tmp, "ui.json")
	cmd := exec.CommandContext(ctx, "node", "bench/ui-bench.mjs", "--json", out)
	cmd.Dir, cmd.Stdout, cmd.Stderr = filepath.Join(root, "frontend"), os.Stderr, os.Stderr
	cmd.Env = append(os.Environ(), "CLOSELOOP_BIN="+h.bin)
	if lh := filepath.Join(root, ".bench/lighthouse"); dirExists(lh) {
		cmd.Env = append(cmd.Env, "LIGHTHOUSE_DIR="+lh)
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("node bench/ui-bench.mjs: %w", err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	var res struct {
		Checks []check `json:"checks"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return fmt.Errorf("read %s: %w", out, err)
	}
	for _, c := range res.Checks {
		if c.Target == "" {
			r.info(c.Figure, c.Measured)
			continue
		}
		r.check(c.Figure, c.Measured, c.Target, c.Met, c.Note)
	}
	return nil
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
