package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These helpers run the real closeloop binary, built by the test (without the race
// detector, so timings mean something even under `go test -race`).

// closeloopBinary builds the binary into the test's temporary directory (the Go build
// cache makes the second build of a run a link only).
func closeloopBinary(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "closeloop")
	out, err := exec.Command("go", "build", "-o", path, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return path
}

// serverProcess is a running `closeloop serve`.
type serverProcess struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:port
	mu   sync.Mutex
	log  bytes.Buffer
}

var listeningAt = regexp.MustCompile(`msg="closeloop is listening" addr=(\S+)`)

// startServer runs `closeloop serve` with env on a free port and waits until it listens.
func startServer(t *testing.T, bin string, env map[string]string) *serverProcess {
	t.Helper()
	cmd := exec.Command(bin, "serve")
	cmd.Env = []string{"PATH=/usr/bin:/bin", "CLOSELOOP_ADDR=127.0.0.1:0", "CLOSELOOP_LOG_LEVEL=info"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &serverProcess{cmd: cmd}
	t.Cleanup(func() {
		s.kill()
		if t.Failed() {
			t.Logf("server log:\n%s", s.logText())
		}
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.log.WriteString(line + "\n")
			s.mu.Unlock()
			if m := listeningAt.FindStringSubmatch(line); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		s.base = "http://" + a
	case <-time.After(time.Minute):
		t.Fatalf("the server did not start listening:\n%s", s.logText())
	}
	return s
}

func (s *serverProcess) logText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// kill is kill -9: no soft stop, no flushing, as a crash or the OOM killer.
func (s *serverProcess) kill() {
	if s.cmd.ProcessState == nil {
		s.cmd.Process.Signal(syscall.SIGKILL) //nolint:errcheck // it may have exited meanwhile
		s.cmd.Wait()                          //nolint:errcheck // killed: the exit status says so
	}
}

// call does one API request with the bearer token and decodes a JSON answer into out.
func (s *serverProcess) call(t *testing.T, token, method, path string, body any, out any) (int, time.Duration) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.base+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if out != nil && res.StatusCode < 300 {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v\n%s", method, path, err, raw)
		}
	}
	if res.StatusCode >= 300 {
		t.Logf("%s %s → %d %s", method, path, res.StatusCode, raw)
	}
	return res.StatusCode, took
}

// cliToken creates an API token with the binary's CLI.
func cliToken(t *testing.T, bin string, env map[string]string, role string) string {
	t.Helper()
	cmd := exec.Command(bin, "token", "create", "--name", "e2e "+role, "--role", role)
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// shippingBoard creates a board through the API and returns its id and its first
// (open) and done column ids.
func shippingBoard(t *testing.T, s *serverProcess, token string) (board, open, done string) {
	t.Helper()
	var b struct {
		ID      string
		Columns []struct{ ID, Stage string }
	}
	if code, _ := s.call(t, token, "POST", "/api/v1/boards", map[string]string{"name": "Roadmap"}, &b); code != 201 {
		t.Fatalf("create board: %d", code)
	}
	for _, c := range b.Columns {
		switch c.Stage {
		case "open":
			open = c.ID
		case "done":
			done = c.ID
		}
	}
	return b.ID, open, done
}

func newCard(t *testing.T, s *serverProcess, token, board, column, title string) string {
	t.Helper()
	var c struct{ ID string }
	if code, _ := s.call(t, token, "POST", "/api/v1/boards/"+board+"/cards",
		map[string]string{"column_id": column, "kind": "idea", "title": title}, &c); code != 201 {
		t.Fatalf("create card: %d", code)
	}
	return c.ID
}

// seedRequesters links n new requesters (<prefix>i@example.com) to the cards with
// plain SQL, as many support links would.
func seedRequesters(t *testing.T, db *sql.DB, prefix string, n int, cards ...string) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `INSERT INTO requesters (id, email, name)
SELECT gen_random_uuid(), $1 || i || '@example.com', 'Person ' || i FROM generate_series(1, $2) i`, prefix, n); err != nil {
		t.Fatal(err)
	}
	for _, card := range cards {
		if _, err := db.ExecContext(ctx, `INSERT INTO requests (card_id, requester_id, source)
SELECT $1, id, 'seed' FROM requesters WHERE email LIKE $2 || '%@example.com'`, card, prefix); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, `UPDATE cards SET requester_count = (SELECT count(*) FROM requests WHERE card_id = $1) WHERE id = $1`, card); err != nil {
			t.Fatal(err)
		}
	}
}

func countRows(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
