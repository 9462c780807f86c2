package domain

import (
	"context"
	"testing"
	"time"
)

// A change whose session's own slot of the board's version is held by another open
// transaction takes another slot instead of waiting for that commit (migrations/00701),
// and the version still moves.
func TestAChangeDoesNotWaitForItsSlot(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 0, "Dark mode")
	before, err := e.svc.CardsVersion(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	held, release, holderDone := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	title := "Dark mode, everywhere"
	outside := ctx // the holder's transaction is not this one
	err = e.svc.db.WithTx(ctx, func(ctx context.Context) error {
		// Another transaction holds this session's own slot (the row exists, committed).
		slot := sessionSlot(ctx, t, e)
		if err := e.db.Exec(`INSERT INTO board_cards_versions (board_id, slot, version) VALUES (?, ?, 0)
			ON CONFLICT DO NOTHING`, b.ID, slot).Error; err != nil {
			return err
		}
		go func() {
			holderDone <- e.svc.db.WithTx(outside, func(hctx context.Context) error {
				if err := e.svc.db.conn(hctx).Exec(`SELECT 1 FROM board_cards_versions WHERE board_id = ? AND slot = ? FOR UPDATE`,
					b.ID, slot).Error; err != nil {
					return err
				}
				close(held)
				<-release
				return nil
			})
		}()
		select {
		case <-held:
		case err := <-holderDone:
			t.Fatalf("holder: %v", err)
		}
		if err := e.svc.db.conn(ctx).Exec(`SET LOCAL lock_timeout = '3s'`).Error; err != nil {
			return err
		}
		start := time.Now()
		_, err := e.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: &title})
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("the update took %v: it waited for the slot's holder", took)
		}
		return err
	})
	if err != nil {
		t.Fatalf("a change with its slot held elsewhere: %v", err)
	}
	close(release)
	if err := <-holderDone; err != nil {
		t.Fatal(err)
	}
	after, err := e.svc.CardsVersion(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after <= before {
		t.Errorf("version %d → %d after the update; want it to move", before, after)
	}
}
