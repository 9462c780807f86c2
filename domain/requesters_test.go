package domain

import (
	"context"
	"fmt"
	"testing"
)

func TestListRequesters(t *testing.T) {
	env := newTestEnv(t, nil)
	card := env.cardInStage(t, "open")
	for _, in := range []LinkRequestInput{
		{Email: "zoe@acme.io", Name: "Zoë Quinn", Company: "Acme"},
		{Email: "Al@Example.com", Name: "Al Bundy", Company: "Shoes 100%"},
		{Email: "mo@globex.com", Name: "Mo", Company: "Globex"},
		{Email: "ann_lee@example.com", Name: "Ann Lee"},
		{Email: "annxlee@example.com", Name: "Other Ann"},
	} {
		env.link(t, card, in)
	}
	ctx := context.Background()
	emails := func(q string) []string {
		list, next, err := pageOf(env.svc.ListRequesters(ctx, q, Page{}))
		if err != nil {
			t.Fatalf("ListRequesters(%q): %v", q, err)
		}
		if next != "" {
			t.Errorf("ListRequesters(%q): next cursor %q on a short list", q, next)
		}
		var out []string
		for _, r := range list {
			out = append(out, r.Email)
			if r.RequestCount != 1 {
				t.Errorf("%s request_count = %d, want 1", r.Email, r.RequestCount)
			}
		}
		return out
	}
	tests := []struct{ q, want string }{
		{"", "[Al@Example.com ann_lee@example.com annxlee@example.com mo@globex.com zoe@acme.io]"},
		{"ACME", "[zoe@acme.io]"},
		{"zoë", "[zoe@acme.io]"},
		{"bundy", "[Al@Example.com]"},
		{"100%", "[Al@Example.com]"},
		{"ann_", "[ann_lee@example.com]"},
		{"@example.com", "[Al@Example.com ann_lee@example.com annxlee@example.com]"},
		{"nobody", "[]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(emails(tt.q)); got != tt.want {
			t.Errorf("q=%q: %s, want %s", tt.q, got, tt.want)
		}
	}

	var pages [][]string
	cursor := ""
	for {
		list, next, err := pageOf(env.svc.ListRequesters(ctx, "", Page{Limit: 2, Cursor: cursor}))
		if err != nil {
			t.Fatal(err)
		}
		var page []string
		for _, r := range list {
			page = append(page, r.Email)
		}
		pages = append(pages, page)
		if next == "" {
			break
		}
		cursor = next
	}
	if got, want := fmt.Sprint(pages), "[[Al@Example.com ann_lee@example.com] [annxlee@example.com mo@globex.com] [zoe@acme.io]]"; got != want {
		t.Errorf("pages = %s, want %s", got, want)
	}
	_, _, err := pageOf(env.svc.ListRequesters(ctx, "", Page{Limit: 2, Cursor: "not-a-cursor!"}))
	kindFields(t, err, KindInvalid)
}

func TestUpdateRequester(t *testing.T) {
	env := newTestEnv(t, nil)
	card := env.cardInStage(t, "open")
	ann := env.link(t, card, LinkRequestInput{Email: "ann@example.com", Name: "Ann"}).Requester
	env.link(t, card, LinkRequestInput{Email: "bob@example.com"})
	ctx := context.Background()
	str := func(s string) *string { return &s }

	got, err := env.svc.UpdateRequester(ctx, ann.ID, UpdateRequesterInput{
		Company: str(" Acme "), ExternalIDs: map[string]string{"intercom": "5f1c", "zendesk": "77"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err = env.svc.UpdateRequester(ctx, ann.ID, UpdateRequesterInput{
		Email: str("ANN@example.com"), ExternalIDs: map[string]string{"zendesk": "", "front": "crd_1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Email != "ANN@example.com" || got.Name != "Ann" || got.Company != "Acme" || got.RequestCount != 1 ||
		fmt.Sprint(got.ExternalIDs) != "map[front:crd_1 intercom:5f1c]" || !got.UpdatedAt.After(ann.UpdatedAt) {
		t.Errorf("after updates: %+v", got)
	}

	_, err = env.svc.UpdateRequester(ctx, ann.ID, UpdateRequesterInput{Email: str("Bob@Example.com")})
	kindFields(t, err, KindConflict)
	_, err = env.svc.UpdateRequester(ctx, newID(), UpdateRequesterInput{Name: str("x")})
	kindFields(t, err, KindNotFound)
	_, err = env.svc.UpdateRequester(ctx, ann.ID, UpdateRequesterInput{
		Email: str("Ann <ann@example.com>"), Name: str("a\nb"), ExternalIDs: map[string]string{"bad key": "1"},
	})
	fields := kindFields(t, err, KindInvalid)
	if len(fields) != 3 {
		t.Errorf("fields = %v, want email, name and external_ids", fields)
	}
	stored, err := env.svc.GetRequester(ctx, ann.ID)
	if err != nil || stored.Email != "ANN@example.com" {
		t.Errorf("stored after refused updates: %+v, %v", stored, err)
	}
	_, err = env.svc.GetRequester(ctx, newID())
	kindFields(t, err, KindNotFound)
}
