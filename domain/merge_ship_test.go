package domain_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
	"github.com/closeloop/closeloop/notify"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// shipWorld is the product end to end below HTTP: the domain service with the real
// notifier, sending over TCP to an SMTP sink, on a fresh database.
type shipWorld struct {
	t     *testing.T
	svc   *domain.Service
	db    *gorm.DB
	sink  *smtptest.Sink
	board domain.Board
}

var shipEditor = domain.Actor{MemberID: uuid.MustParse("00000000-0000-7000-8000-0000000000ee"), Name: "Edna Editor", Role: domain.RoleEditor}

func newShipWorld(t *testing.T) *shipWorld {
	t.Helper()
	ctx := context.Background()
	url := testdb.New(t)
	sink, err := smtptest.Start(smtptest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	n, err := notify.New(ctx, notify.Config{BaseURL: "http://closeloop.test", From: "Acme Product Team <product@acme.test>",
		SMTPURL: sink.URL(), DataDir: t.TempDir(), PollInterval: 50 * time.Millisecond}, url, quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Stop(context.Background()) }) //nolint:errcheck // the test is over
	g, err := gorm.Open(postgres.Open(url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if db, err := g.DB(); err == nil {
		t.Cleanup(func() { db.Close() })
	}
	w := &shipWorld{t: t, svc: domain.NewService(domain.NewDB(g), n), db: g, sink: sink}
	if w.board, err = w.svc.CreateBoard(ctx, shipEditor, domain.NewBoard{Name: "Roadmap"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// card makes a card in the board's first (open) column with these people asking.
func (w *shipWorld) card(title string, people ...string) uuid.UUID {
	w.t.Helper()
	c, err := w.svc.CreateCard(context.Background(), shipEditor, w.board.ID, domain.NewCard{
		ColumnID: w.board.Columns[0].ID, Kind: domain.CardRequest, Title: title})
	if err != nil {
		w.t.Fatal(err)
	}
	for _, p := range people {
		w.link(c.ID, p)
	}
	return c.ID
}

func (w *shipWorld) link(card uuid.UUID, person string) {
	w.t.Helper()
	_, err := w.svc.LinkRequest(context.Background(), shipEditor, card, domain.LinkRequestInput{
		Email: person + "@example.com", Name: person, Quote: person + " wants it", Source: "email"})
	if err != nil {
		w.t.Fatal(err)
	}
}

// ship moves the card into the Done column.
func (w *shipWorld) ship(card uuid.UUID) {
	w.t.Helper()
	if _, err := w.svc.MoveCard(context.Background(), shipEditor, card, domain.Move{ColumnID: w.board.Columns[3].ID}); err != nil {
		w.t.Fatal(err)
	}
}

func (w *shipWorld) merge(card, into uuid.UUID) domain.MergeResult {
	w.t.Helper()
	res, err := w.svc.MergeCard(context.Background(), shipEditor, card, into)
	if err != nil {
		w.t.Fatal(err)
	}
	return res
}

// settle waits until the sink has want emails and nothing of the card is queued,
// then a little longer, so that an extra email would be seen.
func (w *shipWorld) settle(card uuid.UUID, want int) {
	w.t.Helper()
	if !w.sink.WaitTotal(want, 20*time.Second) {
		w.t.Fatalf("the sink got %d emails, want %d", w.sink.Total(), want)
	}
	deadline := time.Now().Add(10 * time.Second)
	for w.count(`SELECT count(*) FROM deliveries WHERE card_id = ? AND status = 'queued'`, card) > 0 {
		if time.Now().After(deadline) {
			w.t.Fatal("deliveries still queued after 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
}

func (w *shipWorld) count(query string, args ...any) int {
	w.t.Helper()
	var n int
	if err := w.db.Raw(query, args...).Scan(&n).Error; err != nil {
		w.t.Fatal(err)
	}
	return n
}

// emailed fails unless each person got exactly want[person] emails and nobody else any.
func (w *shipWorld) emailed(want map[string]int) {
	w.t.Helper()
	got := w.sink.Counts()
	for person, n := range want {
		if got[person+"@example.com"] != n {
			w.t.Errorf("%s got %d emails, want %d", person, got[person+"@example.com"], n)
		}
	}
	for addr, n := range got {
		if _, ok := want[addr[:len(addr)-len("@example.com")]]; !ok {
			w.t.Errorf("%s got %d emails, want none", addr, n)
		}
	}
}
