package notify

import (
	"syscall"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// kill -9 while coalesced emails go out: every person's two held deliveries end sent,
// in one email (both with its Message-ID), nobody is missed, and the sink sees no more
// duplicates than the emails accepted but not yet marked sent at the kill.
func TestKillNineWhileCoalescing(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.exec(`UPDATE workspace_settings SET coalesce_seconds = 3`)
	a := e.card("Crash-proof", "")
	b := e.card("Also crash-proof", "")
	const n = 2000
	for _, id := range e.requesters(a, "held", n) {
		e.link(b, id)
	}
	e.ship(a)
	e.ship(b)

	first := startCrashChild(t, e)
	if !e.sink.WaitTotal(n/4, time.Minute) {
		t.Fatalf("the first notifier sent %d of %d in a minute", e.sink.Total(), n)
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait() //nolint:errcheck // killed
	time.Sleep(300 * time.Millisecond)
	accepted := e.sink.Total()
	marked := e.count(`SELECT count(DISTINCT message_id) FROM deliveries WHERE card_id IN ($1, $2) AND status = 'sent'`, a, b)
	if accepted >= n {
		t.Fatalf("everything was sent before the kill; the test proves nothing")
	}

	startCrashChild(t, e)
	e.settle(a, n, 2*time.Minute)
	e.settle(b, n, 2*time.Minute)

	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id IN ($1, $2) AND status = 'sent'`, a, b); got != 2*n {
		t.Fatalf("%d deliveries sent, want %d", got, 2*n)
	}
	if got := e.count(`SELECT count(DISTINCT message_id) FROM deliveries WHERE card_id IN ($1, $2)`, a, b); got != n {
		t.Errorf("%d distinct Message-IDs over %d people: not one email each", got, n)
	}
	duplicates, missing := 0, 0
	counts := e.sink.Counts()
	for i := 1; i <= n; i++ {
		switch c := counts[addressOf("held", i)]; {
		case c == 0:
			missing++
		case c > 1:
			duplicates += c - 1
		}
	}
	t.Logf("at the kill: %d emails accepted, %d marked sent; after the restart %d duplicates, %d missing", accepted, marked, duplicates, missing)
	if missing != 0 {
		t.Errorf("%d people never got their email", missing)
	}
	if duplicates > accepted-marked {
		t.Errorf("%d duplicates, more than the %d emails in flight at the kill", duplicates, accepted-marked)
	}
	e.holdsEnded()
}
