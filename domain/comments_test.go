package domain

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
)

var noteTaker = Actor{MemberID: uuid.MustParse("00000000-0000-7000-8000-0000000000a5"), Name: "Sam Support", Role: RoleSupport}

func (e testEnv) commentBodies(t *testing.T, cardID uuid.UUID) []string {
	t.Helper()
	list, err := e.svc.ListComments(context.Background(), cardID, Page{})
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, c := range list.Items {
		out = append(out, c.Body)
	}
	return out
}

func TestCommentsAuthorOrAdminEdits(t *testing.T) {
	e := newTestEnv(t, nil)
	sink := &recordingSink{}
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 0, "Export")
	e.svc.sinks = []EventSink{sink}
	first, err := e.svc.AddComment(ctx, noteTaker, c.ID, "  Asked again on a call\n")
	if err != nil {
		t.Fatal(err)
	}
	if first.Author != "Sam Support" || first.AuthorID == nil || *first.AuthorID != noteTaker.MemberID || first.Body != "  Asked again on a call\n" {
		t.Fatalf("comment = %+v", first)
	}
	if _, err := e.svc.AddComment(ctx, editorActor, c.ID, "Planned for May"); err != nil {
		t.Fatal(err)
	}
	if got := e.commentBodies(t, c.ID); !slices.Equal(got, []string{"  Asked again on a call\n", "Planned for May"}) {
		t.Fatalf("comments oldest first = %q", got)
	}
	// Another editor is not the author: refused, nothing changed.
	if _, err := e.svc.UpdateComment(ctx, editorActor, first.ID, "hijacked"); KindOf(err) != KindForbidden {
		t.Fatalf("an editor edits someone else's comment: %v", err)
	}
	if err := e.svc.DeleteComment(ctx, editorActor, first.ID); KindOf(err) != KindForbidden {
		t.Fatalf("an editor deletes someone else's comment: %v", err)
	}
	edited, err := e.svc.UpdateComment(ctx, noteTaker, first.ID, "Asked twice")
	if err != nil || edited.Body != "Asked twice" || !edited.UpdatedAt.After(edited.CreatedAt) && !edited.UpdatedAt.Equal(edited.CreatedAt) {
		t.Fatalf("the author edits: %+v %v", edited, err)
	}
	admin := Actor{MemberID: uuid.New(), Name: "Ada Admin", Role: RoleAdmin}
	if err := e.svc.DeleteComment(ctx, admin, first.ID); err != nil {
		t.Fatalf("an admin deletes: %v", err)
	}
	if got := e.commentBodies(t, c.ID); !slices.Equal(got, []string{"Planned for May"}) {
		t.Fatalf("after delete = %q", got)
	}
	acts, err := e.svc.ListActivity(ctx, c.ID, Page{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range acts.Items {
		actions = append(actions, a.Actor+" "+a.Action)
	}
	want := []string{"Ada Admin comment_deleted", "Sam Support comment_edited", "Eddie Editor commented", "Sam Support commented", "Eddie Editor created"}
	if !slices.Equal(actions, want) {
		t.Errorf("activity = %q, want %q", actions, want)
	}
	if got := sink.types(); !slices.Equal(got, []string{EventCommentCreated, EventCommentCreated, EventCommentUpdated, EventCommentDeleted}) {
		t.Errorf("events = %q", got)
	}
	for _, ev := range sink.events {
		if ev.Comment == nil || ev.CardID != c.ID || ev.BoardID != b.ID {
			t.Errorf("event %s without its comment or card: %+v", ev.Type, ev)
		}
	}
}

func TestCommentBadInputChangesNothing(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	c := e.card(t, b, 0, "Export")
	for _, body := range []string{"", " \n\t", strings.Repeat("x", 10001), "bell\a"} {
		_, err := e.svc.AddComment(ctx, noteTaker, c.ID, body)
		if KindOf(err) != KindInvalid || err.(*Error).Fields["body"] == "" {
			t.Errorf("body %q: %v, want invalid body", body, err)
		}
	}
	if _, err := e.svc.AddComment(ctx, noteTaker, uuid.New(), "hello"); KindOf(err) != KindNotFound {
		t.Errorf("unknown card: %v", err)
	}
	if got := e.commentBodies(t, c.ID); len(got) != 0 {
		t.Errorf("bad input wrote %q", got)
	}
	cm, err := e.svc.AddComment(ctx, noteTaker, c.ID, "ok")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.UpdateComment(ctx, noteTaker, cm.ID, ""); KindOf(err) != KindInvalid {
		t.Errorf("empty edit: %v", err)
	}
	if _, err := e.svc.UpdateComment(ctx, noteTaker, uuid.New(), "x"); KindOf(err) != KindNotFound {
		t.Errorf("unknown comment: %v", err)
	}
	if got := e.commentBodies(t, c.ID); !slices.Equal(got, []string{"ok"}) {
		t.Errorf("after bad edits = %q", got)
	}
}

func TestMergeMovesCommentsAndUnmergeBringsThemBack(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	a, into := e.card(t, b, 0, "Export to CSV"), e.card(t, b, 0, "CSV export")
	for _, body := range []string{"one on A", "two on A"} {
		if _, err := e.svc.AddComment(ctx, noteTaker, a.ID, body); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.AddComment(ctx, noteTaker, into.ID, "on target"); err != nil {
		t.Fatal(err)
	}
	res, err := e.svc.MergeCard(ctx, editorActor, a.ID, into.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Comments != 2 {
		t.Errorf("merge moved %d comments, want 2", res.Comments)
	}
	if got := e.commentBodies(t, into.ID); !slices.Equal(got, []string{"one on A", "two on A", "on target"}) {
		t.Errorf("target after merge = %q", got)
	}
	if _, err := e.svc.UnmergeCard(ctx, editorActor, a.ID); err != nil {
		t.Fatal(err)
	}
	if got := e.commentBodies(t, a.ID); !slices.Equal(got, []string{"one on A", "two on A"}) {
		t.Errorf("source after unmerge = %q", got)
	}
	if got := e.commentBodies(t, into.ID); !slices.Equal(got, []string{"on target"}) {
		t.Errorf("target after unmerge = %q", got)
	}
}
