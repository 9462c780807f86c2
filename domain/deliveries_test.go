package domain

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// deliveryWorld is a card with requesters and deliveries written as the notifier
// would leave them.
type deliveryWorld struct {
	svc        *Service
	db         *gorm.DB
	card, col  uuid.UUID
	requesters []uuid.UUID
}

func newDeliveryWorld(t *testing.T) deliveryWorld {
	t.Helper()
	g, err := gorm.Open(postgres.Open(testdb.New(t)), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	w := deliveryWorld{svc: NewService(NewDB(g), nil), db: g, card: uuid.New(), col: uuid.New()}
	board := uuid.New()
	w.exec(t, `INSERT INTO boards (id, name) VALUES (?, 'Roadmap')`, board)
	w.exec(t, `INSERT INTO columns (id, board_id, name, stage, position) VALUES (?, ?, 'Done', 'done', 1), (?, ?, 'Doing', 'in_progress', 0)`,
		w.col, board, uuid.New(), board)
	w.exec(t, `INSERT INTO cards (id, board_id, column_id, kind, title, position, release_note, shipped_at)
VALUES (?, ?, ?, 'idea', 'Dark mode', 'a', 'It is here.', now())`, w.card, board, w.col)
	// Five requesters, deliveries queued in this order: sent, sent, failed, suppressed, queued.
	statuses := []string{"sent", "sent", "failed", "suppressed", "queued"}
	for i, st := range statuses {
		r := uuid.Must(uuid.NewV7())
		w.requesters = append(w.requesters, r)
		w.exec(t, `INSERT INTO requesters (id, email, name) VALUES (?, ?, 'R')`, r, string(rune('a'+i))+"@example.com")
		due := any(nil)
		if st == "queued" {
			due = time.Now()
		}
		w.exec(t, `INSERT INTO deliveries (id, card_id, requester_id, kind, email, status, attempts, due_at, sent_at)
VALUES (?, ?, ?, 'shipped', ?, ?, 1, ?, CASE WHEN ? = 'sent' THEN now() END)`,
			uuid.Must(uuid.NewV7()), w.card, r, string(rune('a'+i))+"@example.com", st, due, st)
	}
	return w
}

func (w deliveryWorld) exec(t *testing.T, sql string, args ...any) {
	t.Helper()
	if err := w.db.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func TestCardDeliveriesSummaryAndPages(t *testing.T) {
	w := newDeliveryWorld(t)
	ctx := context.Background()

	got, err := w.svc.CardDeliveries(ctx, w.card, DeliveryFilter{Page: Page{Limit: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (DeliverySummary{Queued: 1, Sent: 2, Failed: 1, Suppressed: 1}); got.Summary != want {
		t.Errorf("summary = %+v, want %+v", got.Summary, want)
	}
	var seen []string
	for page := 0; ; page++ {
		for _, d := range got.Items {
			seen = append(seen, d.Status)
			if d.CardTitle != "Dark mode" || d.Kind != "shipped" || d.RequesterID == nil {
				t.Errorf("item %+v lacks its card title, kind or requester", d)
			}
		}
		if got.NextCursor == "" {
			break
		}
		if page > 5 {
			t.Fatal("pages never end")
		}
		if got, err = w.svc.CardDeliveries(ctx, w.card, DeliveryFilter{Page: Page{Limit: 2, Cursor: got.NextCursor}}); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"sent", "sent", "failed", "suppressed", "queued"}
	if len(seen) != len(want) {
		t.Fatalf("pages gave %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("pages gave %v, want %v (queued order)", seen, want)
		}
	}

	failed, err := w.svc.CardDeliveries(ctx, w.card, DeliveryFilter{Status: "failed"})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed.Items) != 1 || failed.Items[0].Status != "failed" || failed.Summary.Sent != 2 {
		t.Errorf("status=failed gave %+v", failed)
	}
}

func TestCardDeliveriesRefusals(t *testing.T) {
	w := newDeliveryWorld(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		card   uuid.UUID
		filter DeliveryFilter
		kind   Kind
		field  string
	}{
		{"unknown status", w.card, DeliveryFilter{Status: "sending"}, KindInvalid, "status"},
		{"limit too big", w.card, DeliveryFilter{Page: Page{Limit: 201}}, KindInvalid, "limit"},
		{"foreign cursor", w.card, DeliveryFilter{Page: Page{Cursor: "bm9wZQ"}}, KindInvalid, "cursor"},
		{"unknown card", uuid.New(), DeliveryFilter{}, KindNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := w.svc.CardDeliveries(ctx, tt.card, tt.filter)
			if got := KindOf(err); got != tt.kind {
				t.Fatalf("kind = %v (%v), want %v", got, err, tt.kind)
			}
			if tt.field != "" {
				if _, ok := err.(*Error).Fields[tt.field]; !ok {
					t.Errorf("fields = %v, want %q", err.(*Error).Fields, tt.field)
				}
			}
		})
	}
}

func TestErasedRequesterDeliveryStaysCounted(t *testing.T) {
	w := newDeliveryWorld(t)
	ctx := context.Background()
	queued := w.requesters[4]
	if err := w.svc.EraseRequester(ctx, editorActor, queued); err != nil {
		t.Fatal(err)
	}

	got, err := w.svc.CardDeliveries(ctx, w.card, DeliveryFilter{Status: "suppressed"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Summary != (DeliverySummary{Sent: 2, Failed: 1, Suppressed: 2}) {
		t.Errorf("summary = %+v, want the erased requester's queued delivery counted as suppressed", got.Summary)
	}
	var erased *Delivery
	for i, d := range got.Items {
		if d.RequesterID == nil {
			erased = &got.Items[i]
		}
	}
	if erased == nil || erased.Email != "" || erased.LastError != "erased" {
		t.Fatalf("erased requester's delivery = %+v, want no requester, no address, last_error erased", erased)
	}
}

func TestRequesterDeliveriesNewestFirst(t *testing.T) {
	w := newDeliveryWorld(t)
	ctx := context.Background()
	r := w.requesters[0]
	other := uuid.New()
	w.exec(t, `INSERT INTO cards (id, board_id, column_id, kind, title, position)
SELECT ?, board_id, column_id, 'issue', 'Faster export', 'b' FROM cards WHERE id = ?`, other, w.card)
	w.exec(t, `INSERT INTO deliveries (id, card_id, requester_id, kind, email, status, due_at) VALUES (?, ?, ?, 'shipped', 'a@example.com', 'queued', now())`,
		uuid.Must(uuid.NewV7()), other, r)

	got, err := w.svc.RequesterDeliveries(ctx, r, DeliveryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != 2 || got.Items[0].CardTitle != "Faster export" || got.Items[1].CardTitle != "Dark mode" {
		t.Fatalf("items = %+v, want the newer delivery first", got.Items)
	}
	if got.Summary != (DeliverySummary{Queued: 1, Sent: 1}) {
		t.Errorf("summary = %+v", got.Summary)
	}
	if _, err := w.svc.RequesterDeliveries(ctx, uuid.New(), DeliveryFilter{}); KindOf(err) != KindNotFound {
		t.Errorf("unknown requester: %v, want not found", err)
	}
}

func TestPublicCardShippedOnlyWhileShipped(t *testing.T) {
	w := newDeliveryWorld(t)
	ctx := context.Background()
	got, err := w.svc.PublicCard(ctx, w.card)
	if err != nil || got.Title != "Dark mode" || got.ReleaseNote != "It is here." || got.ShippedAt.IsZero() || got.Stage != StageDone {
		t.Fatalf("PublicCard = %+v, %v", got, err)
	}
	// Moved back out of done: the public page must not claim it shipped.
	w.exec(t, `UPDATE cards SET column_id = (SELECT id FROM columns WHERE stage = 'in_progress') WHERE id = ?`, w.card)
	if got, err := w.svc.PublicCard(ctx, w.card); err != nil || got.Stage != StageInProgress || got.ReleaseNote != "" {
		t.Errorf("card moved back into progress: %+v, %v; want in progress without its release note", got, err)
	}
	w.exec(t, `UPDATE columns SET stage = 'open' WHERE stage = 'in_progress'`)
	if _, err := w.svc.PublicCard(ctx, w.card); KindOf(err) != KindNotFound {
		t.Errorf("card moved back to open: %v, want not found", err)
	}
	if _, err := w.svc.PublicCard(ctx, uuid.New()); KindOf(err) != KindNotFound {
		t.Errorf("unknown card: %v, want not found", err)
	}
}
