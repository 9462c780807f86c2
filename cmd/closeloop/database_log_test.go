package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
)

// lockedBuffer is a log sink the database's goroutines may write to concurrently.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// openLoggedDatabase opens a fresh database as the server does, logging at debug into
// the buffer it answers; the database is closed when the test ends.
func openLoggedDatabase(t *testing.T) (*database, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	db, err := openDatabase(context.Background(), config{DatabaseURL: testdb.New(t), DataDir: t.TempDir()}, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	return db, logs
}

// TestFailedStatementsLogNoParameters: a statement that fails (here a second member with
// the same address, whose INSERT carries the new password hash) is logged without its
// parameters, so neither hashes nor people's addresses and names reach the log.
func TestFailedStatementsLogNoParameters(t *testing.T) {
	ctx := context.Background()
	db, logs := openLoggedDatabase(t)
	svc := domain.NewService(domain.NewDB(db.Gorm), nil)
	admin := domain.Actor{Name: "test", Role: domain.RoleAdmin}
	in := domain.MemberInput{Email: "leaky.person@example.com", Name: "Leaky Person", Role: domain.RoleViewer, Password: "a long password"}
	if _, err := svc.CreateMember(ctx, admin, in); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateMember(ctx, admin, in); domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("second member with the same address: got %v, want a conflict", err)
	}
	// A failing statement of any kind: its arguments must not be written either.
	if err := db.Gorm.Exec("SELECT 1 / (? - ?)", "requester@customer.test", "requester@customer.test").Error; err == nil {
		t.Fatal("the statement should have failed")
	}
	out := logs.String()
	if !strings.Contains(out, "INSERT INTO") {
		t.Fatalf("the failed statement was not logged at all, so this test proves nothing:\n%s", out)
	}
	for _, secret := range []string{"$argon2id$", "leaky.person@example.com", "Leaky Person", "requester@customer.test"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
}

// TestSlowStatementsAreLoggedFastOnesNot: the trace filter in front of GORM's logger
// (quietTrace) still lets slow statements through, and only them among those that
// succeed.
func TestSlowStatementsAreLoggedFastOnesNot(t *testing.T) {
	db, logs := openLoggedDatabase(t)
	if err := db.Gorm.Exec("SELECT 'fast one'").Error; err != nil {
		t.Fatal(err)
	}
	var missing []int
	if err := db.Gorm.Raw("SELECT 1 WHERE false").Scan(&missing).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm.Exec("SELECT 'slow one', pg_sleep(?)", (slowStatement + 50*time.Millisecond).Seconds()).Error; err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "slow one") {
		t.Errorf("the slow statement was not logged:\n%s", out)
	}
	if strings.Contains(out, "fast one") || strings.Contains(out, "WHERE false") {
		t.Errorf("a fast statement was logged:\n%s", out)
	}
}
