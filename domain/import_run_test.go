package domain

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func bigBoard(cards int) *BoardImport {
	b := &BoardImport{Kind: ImportTrello, SourceID: "5e11000000000000000000aa", Name: "Big",
		Columns: []ImportColumn{{Name: "Ideas", Stage: StageOpen}, {Name: "Done", Stage: StageDone}}}
	for i := range cards {
		c := ImportCard{Kind: CardIdea, Title: fmt.Sprintf("Card %d", i), Archived: i%7 == 0,
			Comments: []ImportComment{{Author: "Trello Sample User", Body: "a comment"}}}
		b.Columns[i%2].Cards = append(b.Columns[i%2].Cards, c)
	}
	return b
}

// An import that dies halfway (here: its context is cancelled after the first batch
// of cards) leaves no board, no card, no activity: the board is one transaction. Run
// again, as River retries the job, it writes the whole board once; a run after that
// changes nothing.
func TestImportIsOneTransactionAndRunsAgainAfterAFailure(t *testing.T) {
	e := newTestEnv(t, nil)
	im, err := e.svc.StartImport(context.Background(), editorActor, bigBoard(1200))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = e.svc.RunImport(ctx, im.ID, func(done, total int) {
		if done > 0 {
			cancel()
		}
	})
	if err == nil || !errors.Is(err, context.Canceled) && KindOf(err) != KindInternal {
		t.Fatalf("cancelled run: %v, want an internal error to retry", err)
	}
	for _, table := range []string{"boards", "columns", "cards", "activities", "comments"} {
		if n := e.count(t, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%d %s after the failed run, want none", n, table)
		}
	}
	got, err := e.svc.GetImport(context.Background(), im.ID)
	if err != nil || got.Status != ImportRunning || got.BoardID != nil {
		t.Fatalf("after the failed run: %+v %v, want still running (to be retried)", got, err)
	}

	done, err := e.svc.RunImport(context.Background(), im.ID, nil)
	if err != nil || done.Status != ImportDone || done.BoardID == nil {
		t.Fatalf("second run: %+v %v", done, err)
	}
	if n := e.count(t, `SELECT count(*) FROM cards WHERE board_id = ?`, *done.BoardID); n != 1200 {
		t.Errorf("%d cards, want 1200", n)
	}
	if n := e.count(t, `SELECT count(*) FROM comments m JOIN cards c ON c.id = m.card_id WHERE c.board_id = ? AND m.author = 'Trello Sample User'`,
		*done.BoardID); n != 1200 || done.Counts.Comments != 1200 {
		t.Errorf("%d comments stored (counts say %d), want 1200", n, done.Counts.Comments)
	}
	if done.Done != done.Total || done.Counts.ArchivedCards != 172 || done.Counts.Cards != 1028 {
		t.Errorf("import: %+v", done)
	}
	again, err := e.svc.RunImport(context.Background(), im.ID, nil)
	if err != nil || e.count(t, `SELECT count(*) FROM boards`) != 1 || again.Status != ImportDone {
		t.Errorf("a third run: %+v %v, %d boards", again, err, e.count(t, `SELECT count(*) FROM boards`))
	}
	e.noDuplicatePositions(t)
}
