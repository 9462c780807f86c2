package domain

import (
	"context"
	"fmt"
	"testing"
)

// A spreadsheet that touches more cards than one statement can carry parameters for
// (PostgreSQL takes 65,535; an activity line has eight) links every row: it answered
// 500 before the activity lines and counts were written in batches.
func TestRequestsImportTouchingThousandsOfCards(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := bigBoard(8300)
	for i := range b.Columns {
		for j := range b.Columns[i].Cards {
			b.Columns[i].Cards[j].Archived, b.Columns[i].Cards[j].Comments = false, nil
		}
	}
	im, err := e.svc.StartImport(ctx, editorActor, b)
	if err != nil {
		t.Fatal(err)
	}
	done, err := e.svc.RunImport(ctx, im.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	if err := e.db.Raw(`SELECT id::text FROM cards WHERE board_id = ?`, *done.BoardID).Scan(&ids).Error; err != nil {
		t.Fatal(err)
	}
	rows := make([]RequestImportRow, len(ids))
	for i, id := range ids {
		rows[i] = RequestImportRow{Row: i + 1, Line: i + 2, Email: fmt.Sprintf("p%d@example.com", i%100), Card: id}
	}
	res, err := e.svc.ImportRequests(ctx, editorActor, rows, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Linked != len(ids) || res.NewRequests != len(ids) || len(res.Errors) != 0 {
		t.Fatalf("result: linked %d, new %d, errors %v; want %d, %d, none", res.Linked, res.NewRequests, res.Errors, len(ids), len(ids))
	}
	if n := e.count(t, `SELECT count(*) FROM cards WHERE board_id = ? AND requester_count = 1`, *done.BoardID); n != len(ids) {
		t.Errorf("%d cards count their one requester, want %d", n, len(ids))
	}
	if n := e.count(t, `SELECT count(*) FROM activities WHERE action = 'requests_imported'`); n != len(ids) {
		t.Errorf("%d activity lines, want one per card (%d)", n, len(ids))
	}
}
