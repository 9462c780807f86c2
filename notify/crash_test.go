package notify

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// The crash test runs the notifier in a child process (this test binary, started
// with crashChildEnv set) so it can kill it with SIGKILL mid-send, as a machine or
// an OOM killer would, then start another one.
const (
	crashChildEnv = "CLOSELOOP_NOTIFY_CRASH_CHILD"
	crashLease    = 5 * time.Second
)

// runCrashChild runs a notifier on the database and SMTP server named in its
// environment until it is killed.
func runCrashChild() int {
	ctx := context.Background()
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "crash child:", err); return 1 }
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	svc, err := New(ctx, Config{
		BaseURL: "http://closeloop.test", From: "Acme <product@acme.test>", SMTPURL: os.Getenv("CRASH_SMTP_URL"),
		DataDir: os.TempDir(), Lease: crashLease, PollInterval: 200 * time.Millisecond,
	}, os.Getenv("CRASH_DATABASE_URL"), log, nil)
	if err != nil {
		return fail(err)
	}
	if err := svc.Start(ctx); err != nil {
		return fail(err)
	}
	fmt.Println("started")
	select {} // until SIGKILL
}

func startCrashChild(t testing.TB, e *env) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"=1", "CRASH_DATABASE_URL="+e.url, "CRASH_SMTP_URL="+e.sink.URL())
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() }) //nolint:errcheck // the child may be dead already: killed on purpose
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "started" {
		t.Fatalf("child did not start: %q", line)
	}
	return cmd
}

// kill -9 while sending: every requester ends with exactly one sent delivery, and the
// sink sees no more duplicates than the messages accepted but not yet marked sent at
// the kill (in flight).
func TestKillNineLosesNothing(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil) // this process only ships; children send
	card := e.card("Crash-proof", "")
	const n = 5000
	e.requesters(card, "crash", n)
	e.ship(card)

	first := startCrashChild(t, e)
	if !e.sink.WaitTotal(n/4, time.Minute) {
		t.Fatalf("the first notifier sent %d of %d in a minute", e.sink.Total(), n)
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()                       //nolint:errcheck // killed
	time.Sleep(300 * time.Millisecond) // the sink finishes whatever arrived complete
	accepted := e.sink.Total()
	marked := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'sent'`, card)
	fannedOut := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1`, card)
	inFlight := accepted - marked
	if accepted >= n {
		t.Fatalf("everything was sent before the kill; the test proves nothing")
	}

	restarted := time.Now()
	startCrashChild(t, e)
	if !e.sink.WaitTotal(accepted+1, 2*time.Minute) {
		t.Fatalf("nothing sent within 2 minutes of the restart")
	}
	resumed := time.Since(restarted)
	e.settle(card, n, 2*time.Minute)

	if got := e.statuses(card); got["sent"] != n {
		t.Fatalf("statuses = %v, want all %d sent", got, n)
	}
	counts := e.sink.Counts()
	duplicates, missing := 0, 0
	for i := 1; i <= n; i++ {
		switch c := counts[addressOf("crash", i)]; {
		case c == 0:
			missing++
		case c > 1:
			duplicates += c - 1
		}
	}
	t.Logf("at the kill: %d accepted by the sink, %d marked sent, %d in flight, %d of %d deliveries fanned out; "+
		"after the restart: sending resumed in %v, %d duplicates, %d missing",
		accepted, marked, inFlight, fannedOut, n, resumed.Round(10*time.Millisecond), duplicates, missing)
	if missing != 0 {
		t.Errorf("%d requesters never got their email", missing)
	}
	if duplicates > inFlight {
		t.Errorf("%d duplicates, more than the %d sends in flight at the kill", duplicates, inFlight)
	}
	if resumed > crashLease+10*time.Second {
		t.Errorf("sending resumed %v after the restart; the lease is %v", resumed, crashLease)
	}
}
