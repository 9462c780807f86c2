package domain

import (
	"context"
	"errors"
	"testing"

	"github.com/google/uuid"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// testEnv is a Service on a fresh database, plus the handle to arrange and inspect rows.
type testEnv struct {
	svc *Service
	db  *gorm.DB
}

func newTestEnv(t *testing.T, n Notifier) testEnv {
	t.Helper()
	g, err := gorm.Open(postgres.Open(testdb.New(t)), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(8) // the machine is shared; concurrency tests queue on the pool too
	t.Cleanup(func() { sqlDB.Close() })
	return testEnv{svc: NewService(NewDB(g), n), db: g}
}

var editorActor = Actor{MemberID: uuid.MustParse("00000000-0000-7000-8000-0000000000ed"), Name: "Eddie Editor", Role: RoleEditor}

// board creates a board with the default columns.
func (e testEnv) board(t *testing.T, name string) Board {
	t.Helper()
	b, err := e.svc.CreateBoard(context.Background(), editorActor, NewBoard{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// card creates a card at the end of column col of board b.
func (e testEnv) card(t *testing.T, b Board, col int, title string) Card {
	t.Helper()
	c, err := e.svc.CreateCard(context.Background(), editorActor, b.ID, NewCard{ColumnID: b.Columns[col].ID, Kind: CardIdea, Title: title})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// column returns the ids of a column's live cards in position order, read straight from the table.
func (e testEnv) column(t *testing.T, columnID uuid.UUID) []uuid.UUID {
	t.Helper()
	var ids []uuid.UUID
	if err := e.db.Raw(`SELECT id FROM cards WHERE column_id = ? AND archived_at IS NULL ORDER BY position`, columnID).
		Scan(&ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids
}

// noDuplicatePositions fails if two live cards of one column share a position.
func (e testEnv) noDuplicatePositions(t *testing.T) {
	t.Helper()
	var dupes int
	if err := e.db.Raw(`SELECT count(*) FROM (SELECT column_id, position FROM cards WHERE archived_at IS NULL
		GROUP BY 1, 2 HAVING count(*) > 1) d`).Scan(&dupes).Error; err != nil {
		t.Fatal(err)
	}
	if dupes > 0 {
		t.Fatalf("%d positions are shared by several cards of a column", dupes)
	}
}

// fieldsOf returns the field messages of an Invalid error, failing on any other error.
func fieldsOf(t *testing.T, err error) map[string]string {
	t.Helper()
	var de *Error
	if !errors.As(err, &de) || de.Kind != KindInvalid {
		t.Fatalf("got error %v, want a validation error", err)
	}
	return de.Fields
}

// wantKind fails unless err has kind want.
func wantKind(t *testing.T, err error, want Kind) {
	t.Helper()
	if got := KindOf(err); err == nil || got != want {
		t.Fatalf("got error %v (kind %d), want kind %d", err, got, want)
	}
}

func refTo[T any](v T) *T { return &v }
