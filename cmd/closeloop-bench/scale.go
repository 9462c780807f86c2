package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5/pgxpool"
)

// scaleFigure: the read figures again, on a database of 1M requesters and 100k cards.
type scaleFigure struct {
	Requesters      int        `json:"requesters"`
	Cards           int        `json:"cards"`
	Requests        int        `json:"requests"`
	BoardRead       boardRead  `json:"board_read"`
	CardSearch      loadResult `json:"card_search"`      // GET /boards/{id}/cards?q=
	RequesterSearch loadResult `json:"requester_search"` // GET /requesters?q=
	// The same searches one at a time (context: latency without queueing).
	CardSearchOne      loadResult `json:"card_search_one_client"`
	RequesterSearchOne loadResult `json:"requester_search_one_client"`
}

// Search terms: whole words, two words, a quoted phrase, a half-typed word (served
// by the trigram index), an exclusion; for requesters, names, companies, addresses.
var (
	cardTerms      = []string{"export", "dark mode", `"calendar sync"`, "notif", "webhooks -slack", "gantt", "sign-on", "integr"}
	requesterTerms = []string{"hopper", "ada lovelace", "company 4711", "scale-123456@", "torv", "perlman", "example.test", "grace ritchie"}
)

func benchScale(ctx context.Context, h *harness, r *results) error {
	dbURL, err := h.scaleDatabase(ctx)
	if err != nil {
		return err
	}
	e := &env{h: h, name: "scale", dbURL: dbURL}
	if err := e.start(ctx, ""); err != nil {
		return err
	}
	defer e.close()
	f := &scaleFigure{}
	if err := countScale(ctx, e.db, f); err != nil {
		return err
	}
	boardID, err := firstBoard(ctx, e.db)
	if err != nil {
		return err
	}
	if err := checkBoard(ctx, e.api, boardID, 1000); err != nil {
		return err
	}
	o := h.opts
	logf("scale: board read, %d clients for %v", o.Clients, o.Duration)
	f.BoardRead = measureBoardRead(ctx, e, boardID, 1000, boardPage, o)
	logf("  %s", f.BoardRead.loadResult)
	cardPath := func(i int) string { return boardPagePath(boardID, "", cardTerms[i%len(cardTerms)], 0) }
	requesterPath := func(i int) string {
		return "/api/v1/requesters?q=" + url.QueryEscape(requesterTerms[i%len(requesterTerms)])
	}
	// Each search under the board read's 50 clients (the target), then one client at a
	// time: what a search costs when it does not queue behind 49 others.
	one := o
	one.Clients, one.Duration = 1, o.Duration/2
	for _, m := range []struct {
		name string
		dst  *loadResult
		o    options
		path func(int) string
	}{
		{"card search on a board", &f.CardSearch, o, cardPath},
		{"requester search", &f.RequesterSearch, o, requesterPath},
		{"card search on a board", &f.CardSearchOne, one, cardPath},
		{"requester search", &f.RequesterSearchOne, one, requesterPath},
	} {
		logf("scale: %s, %d clients for %v", m.name, m.o.Clients, m.o.Duration)
		*m.dst = measureSearch(ctx, e, m.o, m.path)
		logf("  %s", *m.dst)
	}
	r.Scale = f

	size := fmt.Sprintf("at %d requesters / %d cards", f.Requesters, f.Cards)
	checkRead(r, "board read "+size, f.BoardRead.loadResult)
	for _, s := range []struct {
		name     string
		res, one loadResult
	}{{"card search (q=) " + size, f.CardSearch, f.CardSearchOne}, {"requester search (q=) " + size, f.RequesterSearch, f.RequesterSearchOne}} {
		r.check(s.name+fmt.Sprintf(", %d concurrent", s.res.Clients), fmt.Sprintf("p99 %.1f ms (%.0f req/s)", s.res.P99ms, s.res.RPS),
			"p99 ≤ 50 ms", s.res.Errors == 0 && s.res.P99ms <= 50, errNote(s.res))
		r.info(s.name+", one client at a time", fmt.Sprintf("p99 %.1f ms, p50 %.1f ms", s.one.P99ms, s.one.P50ms))
	}
	return nil
}

// measureSearch cycles every client through the search paths.
func measureSearch(ctx context.Context, e *env, o options, path func(i int) string) loadResult {
	next := make([]int, o.Clients)
	bufs := make([]bytes.Buffer, o.Clients)
	return e.measureLoad(ctx, o, func(ctx context.Context, c int) error {
		next[c]++
		status, err := e.api.get(ctx, path(c+next[c]), &bufs[c])
		if err == nil && status != 200 {
			err = fmt.Errorf("status %d: %.200s", status, bufs[c].Bytes())
		}
		return err
	})
}

func countScale(ctx context.Context, db *pgxpool.Pool, f *scaleFigure) error {
	return db.QueryRow(ctx, `SELECT (SELECT count(*) FROM requesters), (SELECT count(*) FROM cards), (SELECT count(*) FROM requests)`).
		Scan(&f.Requesters, &f.Cards, &f.Requests)
}

// checkRead records the board read targets for a figure.
func checkRead(r *results, name string, l loadResult) {
	r.check(name+fmt.Sprintf(", %d concurrent", l.Clients), fmt.Sprintf("%.0f req/s", l.RPS), "≥ 2,000 req/s",
		l.Errors == 0 && l.RPS >= 2000, errNote(l))
	r.check(name+" p99", fmt.Sprintf("%.1f ms", l.P99ms), "≤ 25 ms", l.Errors == 0 && l.P99ms <= 25, errNote(l))
}

func errNote(l loadResult) string {
	if l.Errors > 0 {
		return fmt.Sprintf("%d errors", l.Errors)
	}
	return ""
}
