package notify

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// The lease is what every idle poll runs: it must read delivery_batches and nothing
// else, whatever the planner believes about the other tables (the claim that joined
// the cards walked the whole cards index each poll once their statistics were stale).
func TestTheIdlePollReadsOnlyTheBatches(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	var plan string
	// The notifier's own pool, with its planner settings; EXPLAIN does not run the update.
	if err := e.svc.pool.QueryRow(context.Background(), "EXPLAIN (FORMAT JSON) "+leaseQuery(20*time.Second)).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`"Relation Name": "([a-z_]+)"`).FindAllStringSubmatch(plan, -1) {
		seen[m[1]] = true
	}
	if got := strings.Join(slices.Sorted(maps.Keys(seen)), ","); got != "delivery_batches" {
		t.Errorf("the idle poll's plan reads %q; want only delivery_batches\n%s", got, plan)
	}
}
