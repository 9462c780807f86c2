package notify

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/smtptest"
)

var eraser = domain.Actor{MemberID: uuid.MustParse("00000000-0000-7000-8000-0000000000ed"), Name: "Eddie Editor", Role: domain.RoleEditor}

// erase is the product's erasure (domain.EraseRequester), on the test's database;
// safe to call from several goroutines.
func (e *env) erase(id uuid.UUID) {
	e.t.Helper()
	if e.domainService() == nil {
		e.t.Error("no domain service to erase with")
		return
	}
	if err := e.domain.EraseRequester(context.Background(), eraser, id); err != nil {
		e.t.Errorf("erase %s: %v", id, err)
	}
}

// Erasing people while their card's fan-out inserts deliveries: each erasure
// either comes first (no delivery for them) or waits for the fan-out transaction
// and detaches what it inserted. Either way no delivery keeps an erased person's id
// or address, nobody erased before their email went out receives it, and every
// other requester gets exactly one.
func TestErasureDuringFanout(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	e.start()
	card := e.card("Audit log", "")
	const n = 3000 // three fan-out transactions
	ids := e.requesters(card, "audit", n)
	erased := map[uuid.UUID]int{}
	for i := 0; i < n; i += 150 {
		erased[ids[i]] = i + 1
	}

	e.ship(card)
	var wg sync.WaitGroup
	for id := range erased {
		wg.Add(1)
		go func() { defer wg.Done(); e.erase(id) }()
	}
	wg.Wait()
	deadline := time.Now().Add(time.Minute)
	for e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1`, card) < n-len(erased) ||
		e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND status = 'queued'`, card) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the fan-out did not settle: %v", e.statuses(card))
		}
		time.Sleep(20 * time.Millisecond)
	}

	for id, i := range erased {
		if got := e.count(`SELECT count(*) FROM deliveries WHERE requester_id = $1 OR email = $2`, id, addressOf("audit", i)); got != 0 {
			t.Errorf("requester %d was erased but %d deliveries keep their id or address", i, got)
		}
	}
	total := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1`, card)
	detached := e.count(`SELECT count(*) FROM deliveries WHERE card_id = $1 AND requester_id IS NULL`, card)
	if total != n-len(erased)+detached || detached > len(erased) {
		t.Errorf("%d deliveries, %d detached by erasure: want one per remaining requester (%d) plus at most %d detached",
			total, detached, n-len(erased), len(erased))
	}
	for i := 1; i <= n; i++ {
		want := 1
		if _, ok := erased[ids[i-1]]; ok {
			want = -1 // erased: sent before the erasure or not at all
		}
		if got := e.sink.Count(addressOf("audit", i)); (want == 1 && got != 1) || got > 1 {
			t.Errorf("%s received %d emails, want %s", addressOf("audit", i), got, map[int]string{1: "1", -1: "at most 1"}[want])
		}
	}
}

// domainService is a domain service on the env's database with this notifier, made
// on first use (nil, with the test failed, if it cannot be).
func (e *env) domainService() *domain.Service {
	e.domainOnce.Do(func() {
		g, err := gorm.Open(postgres.Open(e.url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
		if err != nil {
			e.t.Error(err)
			return
		}
		if db, err := g.DB(); err == nil {
			e.t.Cleanup(func() { db.Close() })
		}
		e.domain = domain.NewService(domain.NewDB(g), e.svc)
	})
	return e.domain
}
