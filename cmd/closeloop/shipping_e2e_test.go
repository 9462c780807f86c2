package main

import (
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/closeloop/closeloop/migrations/testdb"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// shippingWorld is a real `closeloop serve` on a fresh database, mailing an in-process
// SMTP sink over TCP, with an editor token.
type shippingWorld struct {
	bin   string
	env   map[string]string
	db    *sql.DB
	sink  *smtptest.Sink
	srv   *serverProcess
	token string
}

func newShippingWorld(t *testing.T) *shippingWorld {
	t.Helper()
	sink, err := smtptest.Start(smtptest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	w := &shippingWorld{bin: closeloopBinary(t), sink: sink, env: map[string]string{
		"DATABASE_URL": testdb.New(t), "CLOSELOOP_DATA_DIR": t.TempDir(), "SMTP_URL": sink.URL(),
		"MAIL_FROM": "Acme Product Team <product@acme.test>",
	}}
	if w.db, err = sql.Open("pgx", w.env["DATABASE_URL"]); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.db.Close() })
	w.srv = startServer(t, w.bin, w.env)
	w.token = cliToken(t, w.bin, w.env, "editor")
	return w
}

func (w *shippingWorld) move(t *testing.T, card, column string) time.Duration {
	t.Helper()
	code, took := w.srv.call(t, w.token, "POST", "/api/v1/cards/"+card+"/move",
		map[string]string{"column_id": column, "release_note": "It shipped."}, nil)
	if code != 200 {
		t.Fatalf("move: %d", code)
	}
	return took
}

func (w *shippingWorld) waitSent(t *testing.T, card string, n int, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for countRows(t, w.db, `SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'sent'`, card) < n {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %d of %d deliveries sent", timeout, countRows(t, w.db,
				`SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'sent'`, card), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// The move that ships a card returns as fast with 17,385 requesters as with one: it
// only enqueues a job; the fan-out happens after it. Prints both timings and how long
// the sink took to accept all 17,385 emails.
func TestShipMoveDoesNotWaitForRequesters(t *testing.T) {
	w := newShippingWorld(t)
	board, open, done := shippingBoard(t, w.srv, w.token)
	const rounds, many = 3, 17385
	var small, large []string
	for i := range rounds {
		small = append(small, newCard(t, w.srv, w.token, board, open, fmt.Sprintf("Small %d", i)))
		large = append(large, newCard(t, w.srv, w.token, board, open, fmt.Sprintf("Large %d", i)))
	}
	seedRequesters(t, w.db, "one", 1, small...)
	seedRequesters(t, w.db, "many", many, large...)
	if _, err := w.db.Exec(`VACUUM ANALYZE`); err != nil {
		t.Fatal(err)
	}

	var oneTook, manyTook []time.Duration
	var fanout time.Duration
	for i := range rounds {
		oneTook = append(oneTook, w.move(t, small[i], done))
		w.waitSent(t, small[i], 1, time.Minute)
		before := w.sink.Total()
		start := time.Now()
		manyTook = append(manyTook, w.move(t, large[i], done))
		if !w.sink.WaitTotal(before+many, 5*time.Minute) {
			t.Fatalf("the sink accepted %d of %d", w.sink.Total()-before, many)
		}
		if i == 0 {
			fanout = time.Since(start)
		}
		w.waitSent(t, large[i], many, time.Minute)
	}
	t.Logf("shipping move: 1 requester %v (median of %d: %v), %d requesters %v (median %v); "+
		"first fan-out: all %d accepted by the sink %v after the move (%.0f emails/s)",
		oneTook, rounds, median(oneTook), many, manyTook, median(manyTook),
		many, fanout.Round(time.Millisecond), float64(many)/fanout.Seconds())
	// Generous: what it guards is "does not grow with the requesters"; inserting 17,385
	// rows inside the move would take a second.
	if median(manyTook) > median(oneTook)+250*time.Millisecond {
		t.Errorf("the move with %d requesters took %v, with one %v", many, median(manyTook), median(oneTook))
	}
	if got := w.sink.Total(); got != rounds*(many+1) {
		t.Errorf("sink accepted %d emails, want %d", got, rounds*(many+1))
	}
}

// kill -9 the server while it sends a card's 5,000 emails, start it again: every
// requester ends with exactly one sent delivery, and the sink saw no more duplicates
// than the messages accepted but not yet marked sent when it died (in flight).
func TestKillNineServerWhileSending(t *testing.T) {
	w := newShippingWorld(t)
	board, open, done := shippingBoard(t, w.srv, w.token)
	card := newCard(t, w.srv, w.token, board, open, "Crash-proof")
	const n = 5000
	seedRequesters(t, w.db, "crash", n, card)

	w.move(t, card, done)
	if !w.sink.WaitTotal(n/4, time.Minute) {
		t.Fatalf("sent %d of %d in a minute", w.sink.Total(), n)
	}
	w.srv.kill()
	time.Sleep(300 * time.Millisecond) // the sink finishes what arrived whole
	accepted := w.sink.Total()
	marked := countRows(t, w.db, `SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'sent'`, card)
	if accepted >= n {
		t.Fatal("everything was sent before the kill; the test proves nothing")
	}

	restarted := time.Now()
	w.srv = startServer(t, w.bin, w.env)
	w.waitSent(t, card, n, 3*time.Minute)
	finished := time.Since(restarted)

	if got := countRows(t, w.db, `SELECT count(*) FROM deliveries WHERE card_id = $1`, card); got != n {
		t.Errorf("%d deliveries, want exactly one per requester (%d)", got, n)
	}
	counts := w.sink.Counts()
	duplicates, missing := 0, 0
	for i := 1; i <= n; i++ {
		switch c := counts[fmt.Sprintf("crash%d@example.com", i)]; {
		case c == 0:
			missing++
		case c > 1:
			duplicates += c - 1
		}
	}
	t.Logf("at the kill: %d accepted by the sink, %d marked sent, %d in flight; after the restart all sent in %v; %d duplicates, %d missing",
		accepted, marked, accepted-marked, finished.Round(10*time.Millisecond), duplicates, missing)
	if missing != 0 {
		t.Errorf("%d requesters never got their email", missing)
	}
	if duplicates > accepted-marked {
		t.Errorf("%d duplicates, more than the %d sends in flight at the kill", duplicates, accepted-marked)
	}
}
