package domain

import (
	"context"
	"errors"
	"testing"
)

// AfterCommit's functions run once the outermost transaction has committed: not
// before, not when a joined transaction returns, never after a rollback.
func TestAfterCommitRunsOnlyAfterTheCommit(t *testing.T) {
	env := newTestEnv(t, nil)
	ctx := context.Background()
	if AfterCommit(ctx, func() {}) {
		t.Error("AfterCommit took a function without a transaction")
	}
	ran := 0
	err := env.svc.db.WithTx(ctx, func(ctx context.Context) error {
		if !AfterCommit(ctx, func() { ran++ }) {
			t.Error("AfterCommit refused a transaction")
		}
		if err := env.svc.db.WithTx(ctx, func(ctx context.Context) error {
			AfterCommit(ctx, func() { ran += 10 })
			return nil
		}); err != nil {
			return err
		}
		if ran != 0 {
			t.Errorf("ran %d before the commit", ran)
		}
		return nil
	})
	if err != nil || ran != 11 {
		t.Fatalf("after the commit: ran %d, err %v (want 11, nil)", ran, err)
	}
	ran = 0
	err = env.svc.db.WithTx(ctx, func(ctx context.Context) error {
		AfterCommit(ctx, func() { ran++ })
		return errors.New("undo")
	})
	if err == nil || ran != 0 {
		t.Fatalf("after a rollback: ran %d, err %v", ran, err)
	}
}
