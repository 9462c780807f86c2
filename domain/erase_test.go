package domain

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/uuid"
)

func TestEraseRequester(t *testing.T) {
	env := newTestEnv(t, nil)
	c1, c2, c3 := env.cardInStage(t, "open"), env.cardInStage(t, "open"), env.cardInStage(t, "done")
	ann := env.link(t, c1, LinkRequestInput{Email: "ann@example.com", Quote: "please", ConversationURL: "https://app.frontapp.com/open/cnv_1"}).Requester
	env.link(t, c2, LinkRequestInput{Email: "ann@example.com"})
	env.link(t, c3, LinkRequestInput{Email: "ann@example.com", ConversationURL: "mailto:ann@example.com"})
	bob := env.link(t, c1, LinkRequestInput{Email: "bob@example.com", ConversationURL: "https://app.frontapp.com/open/cnv_2"}).Requester
	env.link(t, c2, LinkRequestInput{Email: "bob@example.com"})
	ctx := context.Background()

	if err := env.svc.EraseRequester(ctx, supportActor, ann.ID); err != nil {
		t.Fatal(err)
	}
	counts := []int{env.requesterCount(t, c1), env.requesterCount(t, c2), env.requesterCount(t, c3)}
	if fmt.Sprint(counts) != "[1 1 0]" {
		t.Errorf("requester_count on the three cards = %v, want [1 1 0]", counts)
	}
	gone := []int{
		env.count(t, `SELECT count(*) FROM requesters WHERE id = ?`, ann.ID),
		env.count(t, `SELECT count(*) FROM requests WHERE requester_id = ?`, ann.ID),
		env.count(t, `SELECT count(*) FROM conversations WHERE requester_id = ?`, ann.ID),
		env.count(t, `SELECT count(*) FROM requesters WHERE lower(email) = 'ann@example.com'`),
	}
	if fmt.Sprint(gone) != "[0 0 0 0]" {
		t.Errorf("requester, requests, conversations, address left = %v; want none", gone)
	}
	kept := []int{
		env.count(t, `SELECT count(*) FROM requesters WHERE id = ?`, bob.ID),
		env.count(t, `SELECT count(*) FROM requests WHERE requester_id = ?`, bob.ID),
		env.count(t, `SELECT count(*) FROM conversations WHERE requester_id = ?`, bob.ID),
	}
	if fmt.Sprint(kept) != "[1 2 1]" {
		t.Errorf("bob's requester, requests, conversations = %v; want [1 2 1]", kept)
	}
	if got := env.count(t, `SELECT count(*) FROM activities WHERE action = 'requester_erased'`); got != 3 {
		t.Errorf("requester_erased activities = %d, want 3", got)
	}
	if got := env.count(t, `SELECT count(*) FROM activities WHERE detail::text LIKE '%ann@%'`); got != 0 {
		t.Errorf("activities still naming the erased address = %d", got)
	}
	kindFields(t, env.svc.EraseRequester(ctx, supportActor, ann.ID), KindNotFound)

	// The address can come back as a new person, counted from zero.
	again := env.link(t, c1, LinkRequestInput{Email: "ann@example.com"})
	if !again.Created || again.Requester.ID == ann.ID || env.requesterCount(t, c1) != 2 {
		t.Errorf("relink after erase: created=%v same id=%v count=%d", again.Created, again.Requester.ID == ann.ID, env.requesterCount(t, c1))
	}
}

// Erasing a person while help desks keep linking them never leaves a card whose count
// disagrees with its requests, and never deadlocks.
func TestEraseWhileLinking(t *testing.T) {
	env := newTestEnv(t, nil)
	cards := []uuid.UUID{env.cardInStage(t, "open"), env.cardInStage(t, "open"), env.cardInStage(t, "open")}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				in := LinkRequestInput{Email: "Churn@Example.com", Quote: "q",
					ConversationURL: fmt.Sprintf("https://acme.zendesk.com/agent/tickets/%d", i)}
				if _, err := env.svc.LinkRequest(ctx, supportActor, cards[(g+i)%len(cards)], in); err != nil {
					errs <- fmt.Errorf("link: %w", err)
				}
				if _, err := env.svc.LinkRequest(ctx, supportActor, cards[i%len(cards)], LinkRequestInput{Email: fmt.Sprintf("stay%d@example.com", g)}); err != nil {
					errs <- fmt.Errorf("link other: %w", err)
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 15 {
			var ids []struct{ ID uuid.UUID }
			if err := env.db.Raw(`SELECT id FROM requesters WHERE lower(email) = 'churn@example.com'`).Scan(&ids).Error; err != nil {
				errs <- err
				return
			}
			for _, r := range ids {
				if err := env.svc.EraseRequester(ctx, supportActor, r.ID); err != nil && KindOf(err) != KindNotFound {
					errs <- fmt.Errorf("erase: %w", err)
				}
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, c := range cards {
		count, requests := env.requesterCount(t, c), env.count(t, `SELECT count(*) FROM requests WHERE card_id = ?`, c)
		if count != requests {
			t.Errorf("card %s: requester_count %d but %d requests", c, count, requests)
		}
	}
	if got := env.count(t, `SELECT count(*) FROM requesters WHERE lower(email) LIKE 'stay%'`); got != 3 {
		t.Errorf("bystanders = %d, want 3", got)
	}
}
