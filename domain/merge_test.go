package domain

import (
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"
)

// requestsOf is card's requesters' emails and their quotes' texts, sorted.
func (e testEnv) requestsOf(t *testing.T, card uuid.UUID) map[string][]string {
	t.Helper()
	var rows []struct {
		Email  string
		Quotes Quotes
	}
	if err := e.db.Raw(`SELECT r.email, q.quotes FROM requests q JOIN requesters r ON r.id = q.requester_id WHERE q.card_id = ?`,
		card).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		texts := []string{}
		for _, q := range r.Quotes {
			texts = append(texts, q.Text)
		}
		slices.Sort(texts)
		out[r.Email] = texts
	}
	return out
}

func TestUnmergeRestoresBothCardsRequests(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	a, other := e.card(t, b, 0, "Export to CSV"), e.card(t, b, 0, "CSV export from reports")
	e.link(t, a.ID, LinkRequestInput{Email: "ann@example.com", Quote: "ann on A"})
	e.link(t, a.ID, LinkRequestInput{Email: "cat@example.com", Quote: "cat on A"})
	e.link(t, other.ID, LinkRequestInput{Email: "cat@example.com", Quote: "cat on B"})
	e.link(t, other.ID, LinkRequestInput{Email: "dan@example.com", Quote: "dan on B", ConversationURL: "https://acme.zendesk.com/agent/tickets/7"})
	if _, err := e.svc.UpdateCard(ctx, editorActor, other.ID, CardPatch{Labels: &[]string{"reports"}}); err != nil {
		t.Fatal(err)
	}
	beforeA, beforeB := e.requestsOf(t, a.ID), e.requestsOf(t, other.ID)

	res, err := e.svc.MergeCard(ctx, editorActor, other.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	merged := e.requestsOf(t, a.ID)
	want := map[string][]string{"ann@example.com": {"ann on A"}, "cat@example.com": {"cat on A", "cat on B"}, "dan@example.com": {"dan on B"}}
	if !mapsEqual(merged, want) {
		t.Fatalf("merged requests = %v, want %v", merged, want)
	}
	if res.Moved != 1 || res.AlreadyOnTarget != 1 || res.Conversations != 1 {
		t.Errorf("merge moved %d, shared %d, conversations %d; want 1, 1, 1", res.Moved, res.AlreadyOnTarget, res.Conversations)
	}
	if res.Source.MergedIntoID == nil || *res.Source.MergedIntoID != a.ID || res.Source.ArchivedAt == nil {
		t.Errorf("source after merge: merged_into %v, archived %v", res.Source.MergedIntoID, res.Source.ArchivedAt)
	}
	if !slices.Contains(res.Target.Labels, "reports") || res.Target.RequesterCount != 3 {
		t.Errorf("target after merge: labels %v, %d requesters", res.Target.Labels, res.Target.RequesterCount)
	}
	if _, err := e.svc.MergeCard(ctx, editorActor, other.ID, a.ID); KindOf(err) != KindConflict {
		t.Errorf("merging a merged card again: %v, want a conflict", err)
	}

	un, err := e.svc.UnmergeCard(ctx, editorActor, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.requestsOf(t, a.ID); !mapsEqual(got, beforeA) {
		t.Errorf("A after unmerge = %v, want %v", got, beforeA)
	}
	if got := e.requestsOf(t, other.ID); !mapsEqual(got, beforeB) {
		t.Errorf("B after unmerge = %v, want %v", got, beforeB)
	}
	if un.Source.ArchivedAt != nil || un.Source.MergedIntoID != nil || un.Source.RequesterCount != 2 || un.Target.RequesterCount != 2 {
		t.Errorf("after unmerge: B archived %v merged %v count %d; A count %d", un.Source.ArchivedAt, un.Source.MergedIntoID,
			un.Source.RequesterCount, un.Target.RequesterCount)
	}
	if slices.Contains(un.Target.Labels, "reports") {
		t.Errorf("A kept the label the merge added: %v", un.Target.Labels)
	}
	if n := e.count(t, `SELECT count(*) FROM conversations WHERE card_id = ?`, other.ID); n != 1 {
		t.Errorf("B has %d conversations after unmerge, want its 1 back", n)
	}
	if _, err := e.svc.UnmergeCard(ctx, editorActor, other.ID); KindOf(err) != KindConflict {
		t.Errorf("unmerging twice: %v, want a conflict", err)
	}
	e.noDuplicatePositions(t)
}

func TestUnmergeAfterThirtyDaysIsRefused(t *testing.T) {
	e := newTestEnv(t, nil)
	b := e.board(t, "Roadmap")
	a, other := e.card(t, b, 0, "A"), e.card(t, b, 0, "B")
	if _, err := e.svc.MergeCard(context.Background(), editorActor, other.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	e.exec(t, `UPDATE card_merges SET merged_at = now() - interval '31 days'`)
	_, err := e.svc.UnmergeCard(context.Background(), editorActor, other.ID)
	wantKind(t, err, KindConflict)
}

func TestMergeCardRefusesItselfAndUnknownTargets(t *testing.T) {
	e := newTestEnv(t, nil)
	b := e.board(t, "Roadmap")
	a := e.card(t, b, 0, "A")
	if f := fieldsOf(t, func() error { _, err := e.svc.MergeCard(context.Background(), editorActor, a.ID, a.ID); return err }()); f["into_id"] == "" {
		t.Errorf("fields = %v", f)
	}
	if f := fieldsOf(t, func() error { _, err := e.svc.MergeCard(context.Background(), editorActor, a.ID, newID()); return err }()); f["into_id"] == "" {
		t.Errorf("fields = %v", f)
	}
}

// Two addresses of one person: after the merge one requester remains, with one
// request per card (both quotes where both had asked), and the counts drop by one
// where the person had been counted twice.
func TestMergeRequesterKeepsOneRequestPerCard(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	x, y, z := e.card(t, b, 0, "X"), e.card(t, b, 0, "Y"), e.card(t, b, 0, "Z")
	work := e.link(t, x.ID, LinkRequestInput{Email: "ann@work.example", Name: "Ann", Quote: "work on X"}).Requester.ID
	e.link(t, y.ID, LinkRequestInput{Email: "ann@work.example", Quote: "work on Y"})
	home := e.link(t, y.ID, LinkRequestInput{Email: "ann@home.example", Quote: "home on Y", ConversationURL: "mailto:ann@home.example"}).Requester.ID
	e.link(t, z.ID, LinkRequestInput{Email: "ann@home.example", Company: "Acme", Quote: "home on Z"})

	res, err := e.svc.MergeRequester(ctx, editorActor, home, work)
	if err != nil {
		t.Fatal(err)
	}
	if res.Combined != 1 || res.Requests != 1 || res.Conversations != 1 {
		t.Errorf("merge: combined %d, moved %d, conversations %d; want 1, 1, 1", res.Combined, res.Requests, res.Conversations)
	}
	if n := e.count(t, `SELECT count(*) FROM requesters WHERE id = ?`, home); n != 0 {
		t.Error("the merged requester still exists")
	}
	for card, want := range map[uuid.UUID][]string{x.ID: {"work on X"}, y.ID: {"home on Y", "work on Y"}, z.ID: {"home on Z"}} {
		got := e.requestsOf(t, card)
		if len(got) != 1 || !slices.Equal(got["ann@work.example"], want) {
			t.Errorf("card %s requests = %v, want ann@work.example with %v", card, got, want)
		}
		if n := e.requesterCount(t, card); n != 1 {
			t.Errorf("card %s requester_count = %d, want 1", card, n)
		}
	}
	if res.Requester.Company != "Acme" || res.Requester.Name != "Ann" || res.Requester.RequestCount != 3 {
		t.Errorf("kept requester: %+v", res.Requester)
	}
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
