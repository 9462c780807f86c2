package main

import (
	"context"
	"fmt"
	"net/url"
)

// searchFigure: GET /search across boards on the scale database, at 10 and at 50
// concurrent clients (issue 13's target is the first).
type searchFigure struct {
	Terms     []string   `json:"terms"`
	Clients10 loadResult `json:"clients_10"`
	Clients50 loadResult `json:"clients_50"`
	One       loadResult `json:"one_client"`
}

// crossTerms: what people type into the palette: typos ("exprot", "calender",
// "notifcations", "hoper"), half-typed words, a word of every seeded quote ("team", in
// 2M quotes), names, a company, the start of an address.
var crossTerms = []string{"exprot", "notif", "calender sync", "team", "hoper", "dark mod", "gantt timeline",
	"lovelace", "company 4711", "scale-4242@", "integr", "notifcations"}

func benchSearch(ctx context.Context, h *harness, r *results) error {
	dbURL, err := h.scaleDatabase(ctx)
	if err != nil {
		return err
	}
	e := &env{h: h, name: "search", dbURL: dbURL}
	if err := e.start(ctx, ""); err != nil {
		return err
	}
	defer e.close()
	// Every term once first: each must answer 200 (and the first reads warm the cache).
	for _, q := range crossTerms {
		var res struct {
			Items []struct{ Type string } `json:"items"`
		}
		if err := e.api.call(ctx, "GET", "/api/v1/search?q="+url.QueryEscape(q), nil, &res); err != nil {
			return err
		}
		logf("  %q: %d hits", q, len(res.Items))
	}
	path := func(i int) string { return "/api/v1/search?q=" + url.QueryEscape(crossTerms[i%len(crossTerms)]) }
	f := &searchFigure{Terms: crossTerms}
	for _, m := range []struct {
		clients int
		dst     *loadResult
	}{{1, &f.One}, {10, &f.Clients10}, {50, &f.Clients50}} {
		o := h.opts
		o.Clients = m.clients
		logf("search across boards, %d clients for %v", o.Clients, o.Duration)
		stopProfile := e.srv.profile(ctx, fmt.Sprintf("search-%d", m.clients), o.Duration)
		*m.dst = measureSearch(ctx, e, o, path)
		stopProfile()
		logf("  %s", *m.dst)
	}
	r.Search = f
	r.check("search across boards at 1M requesters / 100k cards, 10 concurrent, p99", fmt.Sprintf("%.1f ms (%.0f req/s)", f.Clients10.P99ms, f.Clients10.RPS),
		"≤ 50 ms", f.Clients10.Errors == 0 && f.Clients10.P99ms <= 50, errNote(f.Clients10))
	r.info("search across boards, 50 concurrent", fmt.Sprintf("p99 %.1f ms, p50 %.1f ms (%.0f req/s)", f.Clients50.P99ms, f.Clients50.P50ms, f.Clients50.RPS))
	r.info("search across boards, one client at a time", fmt.Sprintf("p99 %.1f ms, p50 %.1f ms", f.One.P99ms, f.One.P50ms))
	return nil
}
