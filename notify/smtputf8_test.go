package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// A non-ASCII local part goes out only through a server that offers SMTPUTF8 (and
// then with SMTPUTF8 on MAIL FROM); through one that does not, that delivery fails at
// once with a reason naming the address and what to do, is not retried, does not mark
// the address bounced, and the other deliveries are sent. A non-ASCII domain is
// written in its ASCII form and goes out either way.
func TestUTF8AddressesNeedSMTPUTF8(t *testing.T) {
	for _, offered := range []bool{false, true} {
		name := map[bool]string{false: "without SMTPUTF8", true: "with SMTPUTF8"}[offered]
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, smtptest.Options{KeepMessages: true, SMTPUTF8: offered}, nil)
			e.start()
			card := e.card("Unicode", "")
			e.requesters(card, "ascii", 3)
			zoe, ana := uuid.New(), uuid.New()
			e.exec(`INSERT INTO requesters (id, email, name) VALUES ($1, 'zoë@example.com', 'Zoë'), ($2, 'ana@bücher.example', 'Ana')`, zoe, ana)
			e.link(card, zoe)
			e.link(card, ana)
			e.exec(`UPDATE cards SET requester_count = 5 WHERE id = $1`, card)
			e.ship(card)
			e.settle(card, 5, 15*time.Second)

			wantSent := map[bool]int{false: 4, true: 5}[offered]
			if got := e.statuses(card); got["sent"] != wantSent || got["sent"]+got["failed"] != 5 {
				t.Fatalf("statuses %v, want %d sent and the rest failed", got, wantSent)
			}
			var status, lastError string
			var attempts int
			if err := e.pool.QueryRow(t.Context(), `SELECT status, attempts, last_error FROM deliveries WHERE card_id = $1 AND requester_id = $2`,
				card, zoe).Scan(&status, &attempts, &lastError); err != nil {
				t.Fatal(err)
			}
			if offered {
				if status != "sent" {
					t.Errorf("zoë@example.com: %s (%s), want sent", status, lastError)
				}
			} else if status != "failed" || attempts != 1 || !strings.Contains(lastError, "zoë@example.com") || !strings.Contains(lastError, "SMTPUTF8") {
				t.Errorf("zoë@example.com: status %s, attempts %d, last_error %q; want failed once, naming the address and SMTPUTF8", status, attempts, lastError)
			}
			if got := e.count(`SELECT count(*) FROM requesters WHERE bounced_at IS NOT NULL`); got != 0 {
				t.Errorf("%d requesters marked bounced: the server refused nothing", got)
			}
			if got := e.sink.Count("ana@xn--bcher-kva.example"); got != 1 {
				t.Errorf("ana@bücher.example: the sink got %d emails at ana@xn--bcher-kva.example, want 1 (counts %v)", got, e.sink.Counts())
			}
			for _, m := range e.sink.Messages() {
				// go-mail asks for SMTPUTF8 whenever the server offers it; it must for zoë.
				if m.UTF8 != offered {
					t.Errorf("%s: MAIL FROM with SMTPUTF8 %v, want %v", m.To[0], m.UTF8, offered)
				}
				if m.To[0] == "zoë@example.com" && !strings.Contains(string(m.Data), "zoë@example.com") {
					t.Errorf("zoë's To header lacks her address:\n%s", m.Data)
				}
			}
			if got := e.sink.Count("zoë@example.com"); got != map[bool]int{false: 0, true: 1}[offered] {
				t.Errorf("the sink got %d emails for zoë@example.com", got)
			}
			if got := e.sink.Attempts(); got != wantSent {
				t.Errorf("the sink saw %d messages, want %d: nothing is tried that the server cannot carry", got, wantSent)
			}
		})
	}
}
