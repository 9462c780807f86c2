package domain

import (
	"context"
	"fmt"
	"testing"
)

func TestAddConversation(t *testing.T) {
	env := newTestEnv(t, nil)
	card := env.cardInStage(t, "open")
	ctx := context.Background()
	url := "https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215470089327431"

	first, created, err := env.svc.AddConversation(ctx, supportActor, card, AddConversationInput{URL: url})
	if err != nil || !created {
		t.Fatalf("AddConversation: created=%v err=%v", created, err)
	}
	if first.Tool != ToolIntercom || first.ExternalID != "215470089327431" || first.RequesterID != nil {
		t.Errorf("conversation = %+v", first)
	}
	// The same link again: the same conversation, now with the person and excerpt it lacked.
	again, created, err := env.svc.AddConversation(ctx, supportActor, card, AddConversationInput{
		URL: " " + url + " ", RequesterEmail: "New.Person@Example.com", Excerpt: "line one\nline two",
	})
	if err != nil || created || again.ID != first.ID {
		t.Fatalf("second add: created=%v same=%v err=%v", created, again.ID == first.ID, err)
	}
	if again.RequesterID == nil || again.Excerpt != "line one\nline two" {
		t.Errorf("second add did not fill requester/excerpt: %+v", again)
	}
	// An unknown address creates the requester but is not a request.
	if got := []int{env.count(t, `SELECT count(*) FROM requesters`), env.count(t, `SELECT count(*) FROM requests`), env.requesterCount(t, card)}; fmt.Sprint(got) != "[1 0 0]" {
		t.Errorf("requesters, requests, count = %v; want [1 0 0]", got)
	}
	if _, _, err := env.svc.AddConversation(ctx, supportActor, card, AddConversationInput{URL: "mailto:x@example.com"}); err != nil {
		t.Fatal(err)
	}
	list, next, err := pageOf(env.svc.ListConversations(ctx, card, Page{Limit: 1}))
	if err != nil || len(list) != 1 || next == "" || list[0].Tool != ToolEmail {
		t.Fatalf("first page: %+v next=%q err=%v", list, next, err)
	}
	list, next, err = pageOf(env.svc.ListConversations(ctx, card, Page{Limit: 1, Cursor: next}))
	if err != nil || len(list) != 1 || next != "" || list[0].ID != first.ID || list[0].RequesterEmail != "New.Person@Example.com" {
		t.Fatalf("second page: %+v next=%q err=%v", list, next, err)
	}

	_, _, err = env.svc.AddConversation(ctx, supportActor, card, AddConversationInput{URL: "data:text/html,x", RequesterEmail: "a@b@c", Excerpt: "\x00"})
	if got := kindFields(t, err, KindInvalid); len(got) != 3 {
		t.Errorf("fields = %v, want url, requester_email, excerpt", got)
	}
	_, _, err = env.svc.AddConversation(ctx, supportActor, newID(), AddConversationInput{URL: url})
	kindFields(t, err, KindNotFound)
	_, err = env.svc.ListConversations(ctx, newID(), Page{})
	kindFields(t, err, KindNotFound)
	env.exec(t, `UPDATE cards SET archived_at = now() WHERE id = ?`, card)
	_, _, err = env.svc.AddConversation(ctx, supportActor, card, AddConversationInput{URL: "https://example.com/x"})
	kindFields(t, err, KindConflict)
}
