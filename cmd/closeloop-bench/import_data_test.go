package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/closeloop/closeloop/importer"
)

// The generated export is one a Trello import reads whole: every card and comment.
func TestGeneratedTrelloExportParses(t *testing.T) {
	var buf bytes.Buffer
	if err := writeTrelloExport(&buf, 2000, 4000); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	b, err := importer.ParseTrello(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := b.Counts()
	if c.Cards+c.ArchivedCards != 2000 || c.Comments != 3200 || len(b.Columns) != 6 {
		t.Fatalf("counts %+v, %d columns", c, len(b.Columns))
	}
	t.Logf("parsed %d cards in %v", 2000, time.Since(start))
}
