package domain

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"
)

// recordingSink keeps the events it hears; failOn makes Publish fail for one type.
type recordingSink struct {
	events []Event
	failOn string
}

func (r *recordingSink) Publish(_ context.Context, tx *sql.Tx, ev Event) error {
	if tx == nil {
		return errors.New("no transaction")
	}
	if ev.Type == r.failOn {
		return errors.New("sink refused")
	}
	r.events = append(r.events, ev)
	return nil
}

func (r *recordingSink) types() []string {
	out := make([]string, len(r.events))
	for i, e := range r.events {
		out[i] = e.Type
	}
	return out
}

func TestEventsReachSinksInTheirTransaction(t *testing.T) {
	env := newTestEnv(t, nil)
	sink := &recordingSink{}
	env.svc.sinks = []EventSink{sink}
	ctx := context.Background()
	b := env.board(t, "Events")
	c := env.card(t, b, 0, "Export")
	title := "Export to CSV"
	if _, err := env.svc.UpdateCard(ctx, editorActor, c.ID, CardPatch{Title: &title}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.svc.LinkRequest(ctx, editorActor, c.ID, LinkRequestInput{Email: "maria@example.com"}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.svc.MoveCard(ctx, editorActor, c.ID, Move{ColumnID: b.Columns[3].ID}); err != nil {
		t.Fatal(err)
	}
	if err := env.svc.ArchiveCard(ctx, editorActor, c.ID, nil); err != nil {
		t.Fatal(err)
	}
	got := sink.types()
	want := []string{EventCardCreated, EventCardUpdated, EventRequestLinked, EventCardMoved, EventCardShipped, EventCardArchived}
	if !slices.Equal(got, want) {
		t.Fatalf("events = %v, want %v", got, want)
	}
	for _, ev := range sink.events {
		if ev.CardID != c.ID || ev.BoardID != b.ID || ev.Actor != editorActor.Label() || ev.At.IsZero() {
			t.Errorf("%s: card %s board %s actor %q at %v", ev.Type, ev.CardID, ev.BoardID, ev.Actor, ev.At)
		}
	}
	if moved := sink.events[3]; moved.FromColumn != b.Columns[0].ID || moved.Card.ColumnID != b.Columns[3].ID {
		t.Errorf("card.moved from %s to %s", moved.FromColumn, moved.Card.ColumnID)
	}
	if sink.events[1].Card.Title != title {
		t.Errorf("card.updated carries title %q", sink.events[1].Card.Title)
	}
}

func TestASinkFailureUndoesTheChange(t *testing.T) {
	env := newTestEnv(t, nil)
	b := env.board(t, "Events")
	c := env.card(t, b, 0, "Export")
	env.svc.sinks = []EventSink{&recordingSink{failOn: EventCardMoved}}
	if _, err := env.svc.MoveCard(context.Background(), editorActor, c.ID, Move{ColumnID: b.Columns[1].ID}); err == nil {
		t.Fatal("move succeeded although its event was refused")
	}
	after, err := env.svc.Card(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.ColumnID != b.Columns[0].ID || after.Version != c.Version {
		t.Fatalf("card moved to %s (version %d) although the move failed", after.ColumnID, after.Version)
	}
}
