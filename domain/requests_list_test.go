package domain

import (
	"context"
	"fmt"
	"testing"
)

func TestListCardRequests(t *testing.T) {
	env := newTestEnv(t, nil)
	card, other := env.cardInStage(t, "open"), env.cardInStage(t, "open")
	for i := range 5 {
		in := LinkRequestInput{Email: fmt.Sprintf("p%d@example.com", i), Quote: fmt.Sprintf("q%d", i)}
		if i == 1 {
			in.ConversationURL = "https://acme.freshdesk.com/a/tickets/1"
		}
		env.link(t, card, in)
	}
	// p1 has a second conversation on this card and one on another card (not listed here).
	env.link(t, card, LinkRequestInput{Email: "p1@example.com", ConversationURL: "https://acme.freshdesk.com/a/tickets/2"})
	env.link(t, other, LinkRequestInput{Email: "p1@example.com", ConversationURL: "https://acme.freshdesk.com/a/tickets/3"})
	ctx := context.Background()

	var seen []string
	convs := map[string][]string{}
	cursor := ""
	for page := 0; ; page++ {
		list, next, err := pageOf(env.svc.ListCardRequests(ctx, card, Page{Limit: 2, Cursor: cursor}))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range list {
			seen = append(seen, r.Requester.Email+":"+r.Quote)
			for _, c := range r.Conversations {
				convs[r.Requester.Email] = append(convs[r.Requester.Email], c.ExternalID)
			}
		}
		if next == "" {
			break
		}
		if page > 5 {
			t.Fatal("pagination does not end")
		}
		cursor = next
	}
	if got, want := fmt.Sprint(seen), "[p4@example.com:q4 p3@example.com:q3 p2@example.com:q2 p1@example.com:q1 p0@example.com:q0]"; got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(convs), "map[p1@example.com:[1 2]]"; got != want {
		t.Errorf("conversations = %s, want %s", got, want)
	}
	_, err := env.svc.ListCardRequests(ctx, newID(), Page{})
	kindFields(t, err, KindNotFound)
	_, _, err = pageOf(env.svc.ListCardRequests(ctx, card, Page{Cursor: "eA"}))
	kindFields(t, err, KindInvalid)
}

func TestListRequesterRequests(t *testing.T) {
	env := newTestEnv(t, nil)
	a, b, c := env.cardInStage(t, "open"), env.cardInStage(t, "done"), env.cardInStage(t, "open")
	env.exec(t, `UPDATE cards SET shipped_at = now(), title = 'Shipped one' WHERE id = ?`, b)
	ann := env.link(t, a, LinkRequestInput{Email: "ann@example.com", Quote: "first"}).Requester
	env.link(t, b, LinkRequestInput{Email: "ann@example.com", Quote: "second", Source: "phone"})
	env.link(t, c, LinkRequestInput{Email: "bob@example.com"})
	ctx := context.Background()

	list, next, err := pageOf(env.svc.ListRequesterRequests(ctx, ann.ID, Page{Limit: 1}))
	if err != nil || len(list) != 1 || next == "" {
		t.Fatalf("first page: %+v %q %v", list, next, err)
	}
	got := list[0]
	if got.CardID != b || got.Title != "Shipped one" || got.ShippedAt == nil || got.Stage != "done" || got.ColumnName != "done" || got.Quote != "second" || got.Source != "phone" {
		t.Errorf("newest request = %+v", got)
	}
	list, next, err = pageOf(env.svc.ListRequesterRequests(ctx, ann.ID, Page{Limit: 1, Cursor: next}))
	if err != nil || len(list) != 1 || next != "" || list[0].CardID != a || list[0].ShippedAt != nil {
		t.Fatalf("second page: %+v %q %v", list, next, err)
	}
	_, err = env.svc.ListRequesterRequests(ctx, newID(), Page{})
	kindFields(t, err, KindNotFound)
}
