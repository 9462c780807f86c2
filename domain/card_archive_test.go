package domain

import (
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"
)

func TestArchiveRestoreAndDeleteForever(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	a, mid, last := e.card(t, b, 0, "A"), e.card(t, b, 0, "B"), e.card(t, b, 0, "C")
	if _, err := e.svc.AddComment(ctx, editorActor, a.ID, "keep me"); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.ArchiveCard(ctx, editorActor, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	live, err := e.svc.ListCards(ctx, b.ID, CardFilter{})
	if err != nil || len(live.Items) != 2 {
		t.Fatalf("live after archive: %d %v", len(live.Items), err)
	}
	archived, err := e.svc.ListCards(ctx, b.ID, CardFilter{Archived: true})
	if err != nil || len(archived.Items) != 1 || archived.Items[0].ID != a.ID {
		t.Fatalf("archive = %+v %v", archived.Items, err)
	}
	// A live card is never deleted for good.
	if err := e.svc.DeleteCardForever(ctx, editorActor, mid.ID, nil); KindOf(err) != KindConflict {
		t.Fatalf("deleting a live card: %v, want conflict", err)
	}
	restored, err := e.svc.RestoreCard(ctx, editorActor, a.ID, nil)
	if err != nil || restored.ArchivedAt != nil {
		t.Fatalf("restore: %+v %v", restored, err)
	}
	if got := e.column(t, b.Columns[0].ID); !slices.Equal(got, []uuid.UUID{mid.ID, last.ID, a.ID}) {
		t.Errorf("column after restore = %v, want the restored card last", got)
	}
	if got := e.commentBodies(t, a.ID); !slices.Equal(got, []string{"keep me"}) {
		t.Errorf("comments after restore = %q", got)
	}
	if err := e.svc.ArchiveCard(ctx, editorActor, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.DeleteCardForever(ctx, editorActor, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Card(ctx, a.ID); KindOf(err) != KindNotFound {
		t.Errorf("card after delete forever: %v", err)
	}
	if n := e.count(t, `SELECT count(*) FROM comments WHERE card_id = ?`, a.ID); n != 0 {
		t.Errorf("%d comments left", n)
	}
	if n := e.count(t, `SELECT count(*) FROM activities WHERE board_id = ? AND action = 'card_deleted'`, b.ID); n != 1 {
		t.Errorf("%d card_deleted lines on the board, want 1", n)
	}
}

func TestRestoreRefusesAMergedCard(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	a, into := e.card(t, b, 0, "A"), e.card(t, b, 0, "B")
	if _, err := e.svc.MergeCard(ctx, editorActor, a.ID, into.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.RestoreCard(ctx, editorActor, a.ID, nil); KindOf(err) != KindConflict {
		t.Fatalf("restoring a merged card: %v, want conflict", err)
	}
}
