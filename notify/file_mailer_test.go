package notify

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// Without an SMTP server every email becomes a readable .eml file in the outbox,
// named so that listing the directory shows them in sending order.
func TestFileMailerWritesEML(t *testing.T) {
	dir := t.TempDir()
	e := newEnv(t, smtptest.Options{}, func(c *Config) { c.SMTPURL, c.DataDir = "", dir })
	e.start()
	card := e.card("Keyboard shortcuts", "Press ? to see them all.")
	e.requesters(card, "eml", 3)
	e.ship(card)
	e.settle(card, 3, 10*time.Second)

	entries, err := os.ReadDir(filepath.Join(dir, "outbox"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, entry := range entries {
		names = append(names, entry.Name())
	}
	if len(names) != 3 {
		t.Fatalf("outbox holds %v, want 3 .eml files and nothing else", names)
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("names %v do not sort", names)
	}
	seen := map[string]bool{}
	for _, name := range names {
		if !strings.HasSuffix(name, ".eml") || !strings.HasPrefix(name, time.Now().UTC().Format("20060102T")) {
			t.Errorf("file name %q is not <UTC time>-<random>.eml", name)
		}
		raw, err := os.ReadFile(filepath.Join(dir, "outbox", name))
		if err != nil {
			t.Fatal(err)
		}
		m := parseEmail(t, raw)
		seen[m.header.Get("To")] = true
		if !strings.Contains(m.text, "Press ? to see them all.") {
			t.Errorf("%s: text part lacks the release note", name)
		}
	}
	if len(seen) != 3 {
		t.Errorf("recipients %v, want 3 different", seen)
	}
	if got := e.statuses(card); got["sent"] != 3 {
		t.Errorf("statuses = %v, want 3 sent", got)
	}
}
