package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/migrations/testdb"
)

const cliTrelloExport = `{"id":"5e110382bbcd021dda283413","name":"Product Ideas","desc":"","closed":false,
"lists":[{"id":"l1","name":"Ideas 💡","closed":false,"pos":1},{"id":"l2","name":"Shipped","closed":false,"pos":2}],
"cards":[{"id":"5e1103a0bbcd021dda283414","name":"Dark mode","idList":"l1","pos":1,"closed":false,"desc":""},
  {"id":"5e1103a0bbcd021dda283415","name":"CSV export","idList":"l2","pos":1,"closed":false,"desc":""}],
"labels":[],"actions":[],"checklists":[]}`

// The command line imports a Trello export: a dry run names the columns and stages
// and writes nothing; the import prints what it created, with plain progress lines
// when its output is not a terminal; the same board again is refused with the id.
func TestImportTrelloCommand(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "board.json")
	if err := os.WriteFile(file, []byte(cliTrelloExport), 0o600); err != nil {
		t.Fatal(err)
	}
	env := envFrom(map[string]string{"DATABASE_URL": testdb.New(t), "CLOSELOOP_DATA_DIR": t.TempDir(), "CLOSELOOP_LOG_LEVEL": "warn"})
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"import", "trello", "--dry-run", file}, env, nil, &out, &errOut); err != nil {
		t.Fatalf("dry run: %v %s", err, errOut.String())
	}
	for _, want := range []string{"nothing was written", "Ideas 💡", "open", "Shipped", "done"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := run(ctx, []string{"import", "trello", file}, env, nil, &out, &errOut); err != nil {
		t.Fatalf("import: %v %s", err, errOut.String())
	}
	for _, want := range []string{"writing: 100%", `imported "Product Ideas" as board`, "2 columns, 2 cards"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("import output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "\r") {
		t.Errorf("output that is not a terminal got a redrawn bar:\n%q", out.String())
	}
	err := run(ctx, []string{"import", "trello", file}, env, nil, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "imported already, as the board") {
		t.Errorf("second import: %v, want it refused naming the board", err)
	}
}
