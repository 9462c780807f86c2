// Package webhooks sends Closeloop's events to other tools: Standard Webhooks
// (signed JSON) and Slack incoming webhooks. It hears events in the transaction of
// the change (domain.EventSink), records one delivery per (webhook, event) and
// inserts its River job there too; a worker on the notifier's River client sends
// it, retrying on the configured schedule, and records every attempt.
package webhooks

import (
	"fmt"
	"strings"
	"time"
)

// Config is what cmd passes to New. Zero values get the defaults noted.
type Config struct {
	// BaseURL is the root of the card links in payloads (CLOSELOOP_BASE_URL).
	BaseURL string
	// Retry is the wait before each retry after a failed attempt; when it is used up
	// the delivery is failed (CLOSELOOP_WEBHOOK_RETRY, DefaultRetry).
	Retry []time.Duration
	// AllowPrivate lets webhooks call loopback, private and link-local addresses
	// (CLOSELOOP_WEBHOOK_ALLOW_PRIVATE=true): for tests and closed networks only.
	AllowPrivate bool
	// Timeout bounds one attempt, from dialling to the end of the answer (10 s).
	Timeout time.Duration
	// Workers is how many deliveries this process sends at once (default 50).
	Workers int
	// RelayInterval is how often failed emails are looked for (delivery.failed); 1 s.
	RelayInterval time.Duration
}

// DefaultRetry is the contract's schedule: 7 retries over about 28 hours.
const DefaultRetry = "5s,5m,30m,2h,5h,10h,10h"

// ParseRetry reads a comma-separated list of Go durations, each above zero.
func ParseRetry(s string) ([]time.Duration, error) {
	var out []time.Duration
	for _, part := range strings.Split(s, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(part))
		if err != nil || d <= 0 || d > 30*24*time.Hour {
			return nil, fmt.Errorf("%q is not a duration from 1ms to 720h (e.g. 5s, 30m, 2h)", strings.TrimSpace(part))
		}
		out = append(out, d)
	}
	return out, nil
}

func (c Config) withDefaults() Config {
	if c.Retry == nil {
		c.Retry, _ = ParseRetry(DefaultRetry)
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	if c.Workers <= 0 {
		c.Workers = 50
	}
	if c.RelayInterval <= 0 {
		c.RelayInterval = time.Second
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.BaseURL == "" {
		c.BaseURL = "http://127.0.0.1:8080"
	}
	return c
}
