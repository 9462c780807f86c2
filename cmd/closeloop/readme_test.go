package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// TestReadmeWalkthrough runs the README's curl walk-through verbatim against a real
// server and the real binary, so the documentation cannot drift from the API.
func TestReadmeWalkthrough(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "<!-- walkthrough:start -->\n```sh\n")
	script, _, ok2 := strings.Cut(rest, "```\n<!-- walkthrough:end -->")
	if !ok || !ok2 {
		t.Fatal("README has no walk-through block between the walkthrough markers")
	}
	bin := filepath.Join(t.TempDir(), "closeloop")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ctx := context.Background()
	dbURL := testdb.New(t)
	env := map[string]string{"DATABASE_URL": dbURL, "CLOSELOOP_ADDR": "127.0.0.1:0", "CLOSELOOP_DATA_DIR": t.TempDir()}
	cfg, err := loadConfig(envFrom(env))
	if err != nil {
		t.Fatal(err)
	}
	a, err := startApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close(ctx)

	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "BASE=http://"+a.Addr(), "CLOSELOOP="+bin, "DATABASE_URL="+dbURL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("walk-through failed: %v\n%s", err, out)
	}
	for _, want := range []string{
		"created admin Ada",
		`{"tool":"intercom","external_id":"215470089327431"}`,
		`{"title":"Export to CSV","requester_count":3}`,
		`"shipped_at":"20`,
		`{"title":"Export to CSV","requester_count":2,`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("walk-through output lacks %s:\n%s", want, out)
		}
	}
}
