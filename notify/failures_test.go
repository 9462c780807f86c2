package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// A mail server answering 451 to everything for a while: nothing is lost, nothing is
// sent twice, and the notifier backs off as a whole instead of hammering it.
func TestTemporaryFailuresLoseNothing(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, func(c *Config) { c.BatchSize = 5 })
	e.start()
	card := e.card("Webhooks", "")
	const n = 30
	e.requesters(card, "hook", n)
	e.sink.SetTempFail(true)

	e.ship(card)
	time.Sleep(2500 * time.Millisecond)
	if got := e.sink.Total(); got != 0 {
		t.Fatalf("sink accepted %d emails while answering 451", got)
	}
	// Four senders, each stopping at its first 451 and waiting for the shared gate
	// (about 1 s, then 2 s): a dozen tries at most, not one per delivery per round.
	if got := e.sink.Attempts(); got < 1 || got > 12 {
		t.Errorf("the sink was tried %d times during the outage, want 1 to 12", got)
	}
	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'queued'`, card); got != n {
		t.Errorf("%d queued deliveries during the outage, want %d", got, n)
	}
	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND attempts > 0 AND last_error LIKE '%451%'`, card); got < 1 {
		t.Errorf("no delivery records the 451 it got")
	}

	e.sink.SetTempFail(false)
	e.settle(card, n, 30*time.Second)
	if got := e.statuses(card); got["sent"] != n {
		t.Fatalf("statuses after the outage = %v, want %d sent", got, n)
	}
	for i := 1; i <= n; i++ {
		if got := e.sink.Count(addressOf("hook", i)); got != 1 {
			t.Errorf("%s received %d emails, want 1", addressOf("hook", i), got)
		}
	}
}

// A 550 for one address fails that delivery only, marks the address bounced, and a
// later ship suppresses it without trying.
func TestBadMailboxFailsOnlyThatDelivery(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("SSO", "")
	const n = 12
	ids := e.requesters(card, "sso", n)
	bad := addressOf("sso", 3)
	e.sink.Reject(bad)

	e.ship(card)
	e.settle(card, n, 15*time.Second)
	if got := e.statuses(card); got["sent"] != n-1 || got["failed"] != 1 {
		t.Fatalf("statuses = %v, want %d sent and 1 failed", got, n-1)
	}
	var status, lastError string
	var attempts int
	if err := e.pool.QueryRow(t.Context(), `SELECT status, attempts, last_error FROM deliveries WHERE card_id = $1 AND requester_id = $2`,
		card, ids[2]).Scan(&status, &attempts, &lastError); err != nil {
		t.Fatal(err)
	}
	if status != "failed" || attempts != 1 || !strings.Contains(lastError, "550") {
		t.Errorf("bad mailbox delivery: status %s, attempts %d, last_error %q; want failed, 1, a 550", status, attempts, lastError)
	}
	if got := e.count(`SELECT count(*) FROM requesters WHERE bounced_at IS NOT NULL`); got != 1 {
		t.Errorf("%d requesters marked bounced, want 1", got)
	}

	// The next card the same person asked for: suppressed, not tried.
	next := e.card("SCIM", "")
	e.link(next, ids[2])
	e.requesters(next, "scim", 1)
	e.ship(next)
	e.settle(next, 2, 15*time.Second)
	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND requester_id = $2 AND status = 'suppressed' AND last_error = 'bounced' AND attempts = 0`,
		next, ids[2]); got != 1 {
		t.Errorf("bounced requester's next delivery is not suppressed as bounced")
	}
	if got := e.sink.Count(addressOf("scim", 1)); got != 1 {
		t.Errorf("the other requester of the next card received %d emails, want 1", got)
	}
}

// Unsubscribed and bounced people are suppressed at the fan-out; people who
// unsubscribe or are erased while their email waits are suppressed at send time.
// Every requester is counted once, in some status.
func TestSuppressedRequestersAreNeverEmailed(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Audit log", "")
	const n = 10
	ids := e.requesters(card, "audit", n)
	e.exec(`UPDATE requesters SET unsubscribed_at = now() WHERE id = $1`, ids[0])
	e.exec(`UPDATE requesters SET bounced_at = now() WHERE id = $1`, ids[1])
	e.sink.SetTempFail(true) // keep the rest queued while people change their minds

	e.ship(card)
	deadline := time.Now().Add(10 * time.Second)
	for e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1`, card) < n {
		if time.Now().After(deadline) {
			t.Fatal("the fan-out did not happen")
		}
		time.Sleep(20 * time.Millisecond)
	}
	e.exec(`UPDATE requesters SET unsubscribed_at = now() WHERE id = $1`, ids[2])
	e.erase(ids[3])
	e.sink.SetTempFail(false)
	e.settle(card, n, 30*time.Second)

	reasons := map[string]int{}
	rows, err := e.pool.Query(t.Context(), `SELECT last_error FROM deliveries WHERE card_id = $1 AND status = 'suppressed'`, card)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		reasons[r]++
	}
	if want := map[string]int{"unsubscribed": 2, "bounced": 1, "erased": 1}; len(reasons) != len(want) ||
		reasons["unsubscribed"] != 2 || reasons["bounced"] != 1 || reasons["erased"] != 1 {
		t.Errorf("suppression reasons = %v, want %v", reasons, want)
	}
	if got := e.statuses(card); got["sent"] != n-4 || got["suppressed"] != 4 || len(got) != 2 {
		t.Errorf("statuses = %v, want %d sent and 4 suppressed", got, n-4)
	}
	for i := 1; i <= 4; i++ {
		if got := e.sink.Count(addressOf("audit", i)); got != 0 {
			t.Errorf("%s received %d emails, want none", addressOf("audit", i), got)
		}
	}
	if got := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND requester_id IS NULL AND email = ''`, card); got != 1 {
		t.Errorf("the erased requester's delivery keeps their address or id")
	}
}
