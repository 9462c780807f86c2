package domain

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// TestLateRequesterEmailsAreLimitedPerActor: linking a new requester to a card that
// has shipped emails them at once, so one member or token may do it only so often an
// hour (counted in PostgreSQL: two replicas share the count). A refused link answers
// RateLimited and changes nothing; other actors, links that email nobody (a card not
// shipped, a person already linked) go on.
func TestLateRequesterEmailsAreLimitedPerActor(t *testing.T) {
	url := testdb.New(t)
	rec := &joinRecorder{}
	var rs []*Service
	var g *gorm.DB
	for range 2 {
		var err error
		g, err = gorm.Open(postgres.Open(url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
		if err != nil {
			t.Fatal(err)
		}
		sqlDB, _ := g.DB()
		t.Cleanup(func() { sqlDB.Close() })
		rs = append(rs, NewService(NewDB(g), rec).WithLimits(Limits{LateEmailsPerHour: 3}))
	}
	env := testEnv{svc: rs[0], db: g}
	shipped, open := env.cardInStage(t, "done"), env.cardInStage(t, "open")
	env.exec(t, `UPDATE cards SET shipped_at = now() WHERE id = ?`, shipped)
	ctx := context.Background()
	token := Actor{TokenID: uuid.MustParse("00000000-0000-7000-8000-0000000000aa"), Name: "zendesk", Role: RoleSupport}
	link := func(svc *Service, actor Actor, card uuid.UUID, email string) error {
		_, err := svc.LinkRequest(ctx, actor, card, LinkRequestInput{Email: email, Name: "Late", Quote: "me too"})
		return err
	}
	for i := range 3 {
		if err := link(rs[i%2], supportActor, shipped, fmt.Sprintf("late%d@example.com", i)); err != nil {
			t.Fatalf("late requester %d: %v", i, err)
		}
	}
	before := env.count(t, `SELECT count(*) FROM requesters`)
	count := env.requesterCount(t, shipped)
	for _, svc := range rs {
		err := link(svc, supportActor, shipped, "one-too-many@example.com")
		if KindOf(err) != KindRateLimited || !strings.Contains(err.Error(), "3 an hour") {
			t.Fatalf("fourth late requester in the hour: %v, want rate limited naming the limit", err)
		}
	}
	if got := env.count(t, `SELECT count(*) FROM requesters`); got != before {
		t.Errorf("a refused link created a requester (%d → %d)", before, got)
	}
	if got := env.requesterCount(t, shipped); got != count {
		t.Errorf("a refused link changed requester_count (%d → %d)", count, got)
	}
	if len(rec.joins) != 3 {
		t.Errorf("%d shipped emails asked for, want 3", len(rec.joins))
	}
	// What emails nobody is not limited; another actor has a count of its own.
	if err := link(rs[1], supportActor, shipped, "late0@example.com"); err != nil {
		t.Errorf("linking an already linked person again: %v", err)
	}
	if err := link(rs[0], supportActor, open, "one-too-many@example.com"); err != nil {
		t.Errorf("linking to a card that has not shipped: %v", err)
	}
	if err := link(rs[1], token, shipped, "from-the-help-desk@example.com"); err != nil {
		t.Errorf("another actor's first late requester: %v", err)
	}
	if len(rec.joins) != 4 {
		t.Errorf("%d shipped emails asked for, want 4", len(rec.joins))
	}
}
