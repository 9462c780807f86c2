package domain

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/google/uuid"
)

// lockedSink keeps every event it hears, from several goroutines.
type lockedSink struct {
	mu     sync.Mutex
	events []Event
}

func (r *lockedSink) Publish(_ context.Context, _ *sql.Tx, ev Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, ev)
	return nil
}

// shippedDelivery links a requester to a shipped card and writes their sent delivery.
func (e testEnv) shippedDelivery(t *testing.T, card uuid.UUID, email string) (delivery, requester uuid.UUID) {
	t.Helper()
	res, err := e.svc.LinkRequest(context.Background(), supportActor, card, LinkRequestInput{Email: email, Quote: "Need it"})
	if err != nil {
		t.Fatal(err)
	}
	delivery = newID()
	e.exec(t, `INSERT INTO deliveries (id, card_id, requester_id, kind, email, status, sent_at) VALUES (?, ?, ?, 'shipped', ?, 'sent', now())`,
		delivery, card, res.Requester.ID, email)
	return delivery, res.Requester.ID
}

// Many answers to one email at once leave one answer and counts that add up to one;
// answers move the counts, publish reaction.received with the card, and an erased
// person's answer keeps counting without their words.
func TestReactionsCountOncePerDelivery(t *testing.T) {
	sink := &lockedSink{}
	e := newTestEnv(t, nil)
	e.svc.sinks = []EventSink{sink}
	card := e.cardInStage(t, "done")
	e.exec(t, `UPDATE cards SET shipped_at = now() WHERE id = ?`, card)
	d1, r1 := e.shippedDelivery(t, card, "ada@example.com")
	d2, _ := e.shippedDelivery(t, card, "lin@example.com")

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answer := []string{AnswerYes, AnswerNo}[i%2]
			if _, err := e.svc.RecordReaction(context.Background(), d1, answer, ""); err != nil {
				t.Errorf("answer %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	counts := func() (int, int) {
		c, err := e.svc.Card(context.Background(), card)
		if err != nil {
			t.Fatal(err)
		}
		return c.ReactionsYes, c.ReactionsNo
	}
	if y, n := counts(); y+n != 1 || e.count(t, `SELECT count(*) FROM reactions`) != 1 {
		t.Fatalf("after 8 concurrent answers to one email: %d yes, %d no, %d rows", y, n, e.count(t, `SELECT count(*) FROM reactions`))
	}
	if _, err := e.svc.RecordReaction(context.Background(), d1, AnswerNo, "Dates are missing."); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.RecordReaction(context.Background(), d2, AnswerYes, ""); err != nil {
		t.Fatal(err)
	}
	if y, n := counts(); y != 1 || n != 1 {
		t.Errorf("counts %d yes, %d no, want 1 and 1", y, n)
	}
	last := sink.events[len(sink.events)-1]
	if last.Type != EventReactionReceived || last.Card == nil || last.Card.ReactionsYes != 1 || last.Reaction.Answer != AnswerYes {
		t.Errorf("last event %+v", last)
	}
	for _, bad := range []struct{ answer, comment string }{{"maybe", ""}, {AnswerNo, "nul\x00"}, {AnswerNo, string(make([]byte, 2001))}} {
		_, err := e.svc.RecordReaction(context.Background(), d1, bad.answer, bad.comment)
		wantKind(t, err, KindInvalid)
	}
	_, err := e.svc.RecordReaction(context.Background(), uuid.New(), AnswerYes, "")
	wantKind(t, err, KindNotFound)

	sat, err := e.svc.BoardSatisfaction(context.Background(), e.boardOf(t, card), Page{})
	if err != nil || len(sat.Items) != 1 || sat.Yes != 1 || sat.No != 1 || len(sat.Days) != 1 || sat.Days[0].Yes+sat.Days[0].No != 2 {
		t.Errorf("satisfaction %+v, %v", sat, err)
	}

	if err := e.svc.EraseRequester(context.Background(), editorActor, r1); err != nil {
		t.Fatal(err)
	}
	if got := e.count(t, `SELECT count(*) FROM reactions WHERE delivery_id = ? AND (comment <> '' OR requester_id IS NOT NULL)`, d1); got != 0 {
		t.Errorf("the erased person's answer keeps their id or words")
	}
	if y, n := counts(); y != 1 || n != 1 {
		t.Errorf("after erasure: %d yes, %d no (answers still count)", y, n)
	}
	_, err = e.svc.ReactionTarget(context.Background(), d1)
	wantKind(t, err, KindNotFound)
}

func (e testEnv) boardOf(t *testing.T, card uuid.UUID) uuid.UUID {
	t.Helper()
	c, err := e.svc.Card(context.Background(), card)
	if err != nil {
		t.Fatal(err)
	}
	return c.BoardID
}
