package webhooks

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
)

// The job recordWithJob writes is the row River's own insert of the same delivery
// writes (no worker runs here, so both stay as inserted), and a second record of the
// same (webhook, event) adds neither a delivery nor a job.
func TestRecordWithJobMatchesRiver(t *testing.T) {
	ctx := context.Background()
	g, err := gorm.Open(postgres.Open(testdb.New(t)), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	db, err := g.DB()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	o, err := New(db, Config{AllowPrivate: true}, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	svc := domain.NewService(domain.NewDB(g), nil, o)
	url, format, events := "http://127.0.0.1:9/hook", "standard", []string{domain.EventCardCreated}
	wh, err := svc.CreateWebhook(ctx, domain.WebhookInput{URL: &url, Format: &format, Events: &events})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	event := uuid.New()
	for i, want := range []bool{true, false} {
		inserted, err := o.recordWithJob(ctx, tx, wh.ID, event, domain.EventCardCreated, []byte(`{}`))
		if err != nil || inserted != want {
			t.Fatalf("record %d: inserted %v, %v; want %v", i+1, inserted, err, want)
		}
	}
	var ours uuid.UUID
	if err := tx.QueryRowContext(ctx, `SELECT id FROM webhook_deliveries WHERE event_id = $1`, event).Scan(&ours); err != nil {
		t.Fatal(err)
	}
	rivers := uuid.New()
	if _, err := o.inserter.InsertTx(ctx, tx, deliverArgs{DeliveryID: rivers}, nil); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	const cols = `state, attempt, max_attempts, priority, kind, queue, metadata::text, tags::text,
        unique_key IS NULL, unique_states IS NULL, attempted_at IS NULL, finalized_at IS NULL, errors IS NULL,
        scheduled_at <= now(), created_at <= now()`
	row := func(delivery uuid.UUID) []any {
		var r [15]any
		ptrs := make([]any, len(r))
		for i := range r {
			ptrs[i] = &r[i]
		}
		if err := db.QueryRowContext(ctx, `SELECT `+cols+` FROM river_job WHERE args = jsonb_build_object('delivery_id', $1::uuid)`,
			delivery).Scan(ptrs...); err != nil {
			t.Fatalf("job of delivery %s: %v", delivery, err)
		}
		return r[:]
	}
	got, want := row(ours), row(rivers)
	for i := range want {
		if string(asText(got[i])) != string(asText(want[i])) {
			t.Errorf("column %d: ours %v, River's %v", i+1, got[i], want[i])
		}
	}
	var jobs int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM river_job`).Scan(&jobs); err != nil || jobs != 2 {
		t.Errorf("%d jobs (%v), want 2: one per delivery recorded", jobs, err)
	}
}

func asText(v any) []byte {
	switch x := v.(type) {
	case []byte:
		return x
	case string:
		return []byte(x)
	default:
		return fmt.Appendf(nil, "%v", x)
	}
}
