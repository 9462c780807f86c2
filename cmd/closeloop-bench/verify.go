package main

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// tally is what became of one card's emails, from both sides: the database's
// deliveries and the sink's per-recipient counts.
type tally struct {
	Requesters      int            `json:"requesters"`
	Statuses        map[string]int `json:"statuses"`
	Lost            int            `json:"lost"`              // requesters the sink never got an email for (and not failed on purpose)
	Duplicates      int            `json:"duplicates"`        // emails beyond the first per requester
	SentNotAccepted int            `json:"sent_not_accepted"` // marked sent, never accepted: a lie in the database
}

func (t tally) String() string {
	return fmt.Sprintf("%d requesters, deliveries %v, lost %d, duplicates %d, marked sent but never accepted %d",
		t.Requesters, t.Statuses, t.Lost, t.Duplicates, t.SentNotAccepted)
}

// waitSettled waits until none of the card's deliveries is queued or sending and
// there are want of them, or timeout.
func (s *shipEnv) waitSettled(ctx context.Context, card uuid.UUID, want int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		counts, err := s.deliveryCounts(ctx, card)
		total := 0
		for _, n := range counts {
			total += n
		}
		if err == nil && total == want && counts["queued"] == 0 && counts["sending"] == 0 {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("card %s not settled after %v: deliveries %v of %d (err %v)", card, timeout, counts, want, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// tallyCard counts requesters 1..n of the env's group on card. The sink is assumed
// to have received mail about this card only (each scenario has its own sink and
// group), except that exclude lists addresses failed on purpose.
func (s *shipEnv) tallyCard(ctx context.Context, card uuid.UUID, n int, exclude map[string]bool) (tally, error) {
	t := tally{Requesters: n}
	var err error
	if t.Statuses, err = s.deliveryCounts(ctx, card); err != nil {
		return t, err
	}
	counts := s.sink.Counts()
	for i := 1; i <= n; i++ {
		addr := requesterEmail(s.group, i)
		switch c := counts[addr]; {
		case c == 0 && !exclude[addr]:
			t.Lost++
		case c > 1:
			t.Duplicates += c - 1
		}
	}
	rows, err := s.db.Query(ctx, `SELECT email FROM deliveries WHERE card_id = $1 AND status = 'sent'`, card)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var addr string
		if err := rows.Scan(&addr); err != nil {
			return t, err
		}
		if counts[addr] == 0 {
			t.SentNotAccepted++
		}
	}
	return t, rows.Err()
}

// inFlight counts the card's deliveries the sink accepted but the database does not
// have as sent: after a kill, exactly the sends a restart may repeat. seen carries
// each address's sink count from the previous kill, so an acceptance is counted once
// even if its delivery stays unsent across several kills.
func (s *shipEnv) inFlight(ctx context.Context, card uuid.UUID, seen map[string]int) (int, error) {
	rows, err := s.db.Query(ctx, `SELECT email FROM deliveries WHERE card_id = $1 AND status <> 'sent'`, card)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	counts, n := s.sink.Counts(), 0
	for rows.Next() {
		var addr string
		if err := rows.Scan(&addr); err != nil {
			return 0, err
		}
		if counts[addr] > seen[addr] {
			n++
			seen[addr] = counts[addr]
		}
	}
	return n, rows.Err()
}

// waitAccepted waits until the sink's total reaches n; false after timeout.
func (s *shipEnv) waitAccepted(n int, timeout time.Duration) bool {
	return s.sink.WaitTotal(n, timeout)
}
