package live

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
)

// A change's event is heard after its commit, with its ids; never while the
// transaction is open (even with sweeps running meanwhile), never when it rolls back;
// and it leaves no row behind.
func TestEventsAreHeardAfterTheirCommitOnly(t *testing.T) {
	url := testdb.New(t)
	heard := listen(t, url)
	pub := publisher(t, url, 50*time.Millisecond)
	svc, db := service(t, url, pub, refuse{on: domain.EventCardArchived})
	ctx := context.Background()
	board, err := svc.CreateBoard(ctx, editor, domain.NewBoard{Name: "Live"})
	if err != nil {
		t.Fatal(err)
	}
	card, err := svc.CreateCard(ctx, editor, board.ID, domain.NewCard{ColumnID: board.Columns[0].ID, Kind: domain.CardIdea, Title: "Dark mode"})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	created := next(t, heard, 5*time.Second)
	if created.Type != domain.EventCardCreated || created.CardID != card.ID || created.BoardID != board.ID ||
		created.Actor != editor.Label() || created.ID <= 0 {
		t.Fatalf("card.created heard as %+v", created)
	}
	if took := time.Since(start); took > 500*time.Millisecond {
		t.Errorf("card.created heard %v after its commit", took) // woken at the commit, not by a sweep
	}

	// An open transaction: its event waits for the commit, sweeps or not.
	var moved domain.Card
	err = svc.DB().WithTx(ctx, func(ctx context.Context) error {
		var err error
		moved, err = svc.MoveCard(ctx, editor, card.ID, domain.Move{ColumnID: board.Columns[1].ID})
		if err != nil {
			return err
		}
		silent(t, heard, 300*time.Millisecond, "before the commit")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ev := next(t, heard, 5*time.Second)
	if ev.Type != domain.EventCardMoved || ev.CardID != moved.ID || ev.FromColumn != board.Columns[0].ID || ev.ID <= created.ID {
		t.Fatalf("card.moved heard as %+v (card.created had id %d)", ev, created.ID)
	}

	// Rolled back (another sink refused the event): never heard, nothing left.
	if err := svc.ArchiveCard(ctx, editor, card.ID, nil); err == nil {
		t.Fatal("the archive succeeded although its event was refused")
	}
	silent(t, heard, 300*time.Millisecond, "after a rollback")
	if n := outboxRows(t, db); n != 0 {
		t.Errorf("%d rows left in live_outbox", n)
	}
}

// A process that committed a change and died before its publisher's batch: the row
// it left is sent by any publisher's sweep, without a wake-up.
func TestAnEventLeftByADeadProcessIsSent(t *testing.T) {
	url := testdb.New(t)
	heard := listen(t, url)
	_, db := service(t, url)
	var id int64
	if err := db.QueryRow(`INSERT INTO live_outbox (id, type, card_id, actor)
		VALUES (nextval('live_event_seq'), 'card.updated', gen_random_uuid(), 'gone')
		RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	publisher(t, url, 100*time.Millisecond)
	ev := next(t, heard, 5*time.Second)
	if ev.ID != id || ev.Type != domain.EventCardUpdated || ev.Actor != "gone" {
		t.Fatalf("heard %+v, want the left event %d", ev, id)
	}
	if n := outboxRows(t, db); n != 0 {
		t.Errorf("%d rows left in live_outbox", n)
	}
}

// Two replicas, each with its publisher and listener, changes made on both at once:
// each listener hears every event exactly once, both in the same order (a browser
// catching up on the other replica by id gets the same events after it).
func TestReplicasHearEveryEventOnceInOneOrder(t *testing.T) {
	url := testdb.New(t)
	heardA, heardB := listen(t, url), listen(t, url)
	svcA, _ := service(t, url, publisher(t, url, time.Second))
	svcB, db := service(t, url, publisher(t, url, time.Second))
	ctx := context.Background()
	board, err := svcA.CreateBoard(ctx, editor, domain.NewBoard{Name: "Replicas"})
	if err != nil {
		t.Fatal(err)
	}
	const perWorker, workers = 25, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		svc := svcA
		if w%2 == 1 {
			svc = svcB
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				// Each worker adds to a column of its own (the column lock orders
				// the cards of one column).
				col := board.Columns[w%3].ID // not Done: nothing ships
				if _, err := svc.CreateCard(ctx, editor, board.ID, domain.NewCard{ColumnID: col, Kind: domain.CardIdea,
					Title: fmt.Sprintf("card %d-%d", w, i)}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	const total = perWorker * workers
	read := func(heard <-chan domain.LiveEvent) []int64 {
		var ids []int64
		for len(ids) < total {
			ev := next(t, heard, 5*time.Second)
			if ev.Type == domain.EventCardCreated {
				ids = append(ids, ev.ID)
			}
		}
		silent(t, heard, 200*time.Millisecond, "after every event")
		return ids
	}
	a, b := read(heardA), read(heardB)
	if !slices.Equal(a, b) {
		t.Fatalf("the replicas heard different orders:\n%v\n%v", a, b)
	}
	if u := slices.Compact(slices.Sorted(slices.Values(a))); len(u) != total {
		t.Fatalf("%d distinct events of %d", len(u), total)
	}
	if n := outboxRows(t, db); n != 0 {
		t.Errorf("%d rows left in live_outbox", n)
	}
}
