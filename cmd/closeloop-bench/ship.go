package main

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// shipEnv is an env whose server sends to an in-process SMTP sink, with a board made
// through the API and requesters seeded in one group.
type shipEnv struct {
	*env
	sink       *smtptest.Sink
	board      board
	group      string
	requesters int // seeded: requesters 1..requesters of group
}

// newShipEnv starts a sink and a server sending to it, makes a board through the API
// and seeds requesters 1..requesters of group.
func (h *harness) newShipEnv(ctx context.Context, name, group string, requesters int, sinkOpts smtptest.Options, extraEnv ...string) (*shipEnv, error) {
	sink, err := smtptest.Start(sinkOpts)
	if err != nil {
		return nil, err
	}
	e, err := h.newEnv(ctx, name, sink.URL()+h.opts.SMTPParams, extraEnv...)
	if err != nil {
		sink.Close()
		return nil, err
	}
	s := &shipEnv{env: e, sink: sink, group: group, requesters: requesters}
	if s.board, err = s.makeBoard(ctx, "Roadmap"); err != nil {
		s.close()
		return nil, err
	}
	if err := seedRequesters(ctx, e.db, group, requesters); err != nil {
		s.close()
		return nil, err
	}
	return s, e.analyze(ctx)
}

func (s *shipEnv) close() {
	s.env.close()
	s.sink.Close()
}

// makeBoard creates a board with the default columns through the API.
func (s *shipEnv) makeBoard(ctx context.Context, name string) (board, error) {
	var res struct {
		ID      uuid.UUID `json:"id"`
		Columns []struct {
			ID    uuid.UUID `json:"id"`
			Stage string    `json:"stage"`
		} `json:"columns"`
	}
	if err := s.api.call(ctx, "POST", "/api/v1/boards", map[string]any{"name": name}, &res); err != nil {
		return board{}, err
	}
	b := board{ID: res.ID, Columns: map[string]uuid.UUID{}}
	for _, c := range res.Columns {
		b.Columns[c.Stage] = c.ID
	}
	if b.Columns["done"] == uuid.Nil || b.Columns["in_progress"] == uuid.Nil {
		return b, fmt.Errorf("board %s has no in-progress or done column", b.ID)
	}
	return b, nil
}

// card creates a card in progress through the API and links requesters 1..n to it.
func (s *shipEnv) card(ctx context.Context, title string, n int) (uuid.UUID, error) {
	var res struct {
		ID uuid.UUID `json:"id"`
	}
	err := s.api.call(ctx, "POST", "/api/v1/boards/"+s.board.ID.String()+"/cards",
		map[string]any{"column_id": s.board.Columns["in_progress"], "kind": "request", "title": title}, &res)
	if err != nil {
		return uuid.Nil, err
	}
	return res.ID, linkRequesters(ctx, s.db, res.ID, s.group, n)
}

// ship moves the card into Done through the API and returns how long the call took.
func (s *shipEnv) ship(ctx context.Context, card uuid.UUID) (time.Duration, error) {
	body := map[string]any{"column_id": s.board.Columns["done"],
		"release_note": "It is live for everyone: Settings → Appearance → Dark.\n\nThank you for asking for it."}
	start := time.Now()
	err := s.api.call(ctx, "POST", "/api/v1/cards/"+card.String()+"/move", body, nil)
	return time.Since(start), err
}

// deliveryCounts is the card's deliveries by status.
func (s *shipEnv) deliveryCounts(ctx context.Context, card uuid.UUID) (map[string]int, error) {
	rows, err := s.db.Query(ctx, `SELECT status, count(*) FROM deliveries WHERE card_id = $1 GROUP BY status`, card)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// waitSent waits until the card has want deliveries marked sent (the server records
// each acceptance one round trip after it), or timeout.
func (s *shipEnv) waitSent(ctx context.Context, card uuid.UUID, want int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		counts, err := s.deliveryCounts(ctx, card)
		if err == nil && counts["sent"] >= want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("card %s: deliveries %v after %v, want %d sent (err %v)", card, counts, timeout, want, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
