package domain

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRankBetweenKnownKeys(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"", "", "a0"},
		{"a0", "", "a1"},
		{"", "a0", "Zz"},
		{"a0", "a1", "a0V"},
		{"a1", "a2", "a1V"},
		{"a0V", "a1", "a0l"},
		{"Zz", "a0", "ZzV"},
		{"Zz", "a01", "a0"},
		{"az", "", "b00"},
		{"a0", "a0V", "a0G"},
		{"b125", "b129", "b127"},
		{"a0", "a00V", "a00G"}, // pads a with zeros to find room
	}
	for _, tt := range tests {
		got, err := rankBetween(tt.a, tt.b)
		if err != nil || got != tt.want {
			t.Errorf("rankBetween(%q, %q) = %q, %v; want %q", tt.a, tt.b, got, err, tt.want)
		}
	}
}

func TestRankBetweenRefusesBadInput(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"a1", "a0"}, {"a0", "a0"}, {"a", ""}, {"", "a00"}, {"a0-", ""}, {"!0", ""}, {rankMin, ""}, {"", "b1"},
	} {
		if got, err := rankBetween(tt.a, tt.b); err == nil {
			t.Errorf("rankBetween(%q, %q) = %q, want an error", tt.a, tt.b, got)
		}
	}
}

// checkBetween fails unless key is a valid key strictly between a and b.
func checkBetween(t *testing.T, a, b, key string) {
	t.Helper()
	if err := validRank(key); err != nil {
		t.Fatalf("rankBetween(%q, %q) = %q, which is invalid: %v", a, b, key, err)
	}
	if (a != "" && key <= a) || (b != "" && key >= b) {
		t.Fatalf("rankBetween(%q, %q) = %q, not strictly between", a, b, key)
	}
}

// insertAt inserts a key at index i of keys (sorted) and checks it landed in order.
func insertAt(t *testing.T, keys []string, i int) []string {
	t.Helper()
	var a, b string
	if i > 0 {
		a = keys[i-1]
	}
	if i < len(keys) {
		b = keys[i]
	}
	key, err := rankBetween(a, b)
	if err != nil {
		t.Fatalf("rankBetween(%q, %q): %v", a, b, err)
	}
	checkBetween(t, a, b, key)
	return slices.Insert(keys, i, key)
}

func TestRankRandomInsertsStayOrdered(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var keys []string
	for range 5000 {
		keys = insertAt(t, keys, r.IntN(len(keys)+1))
	}
	if !slices.IsSorted(keys) || len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Fatal("keys are not strictly increasing")
	}
}

// Key length is what index entries and cursors pay for, so the usual patterns must
// stay short: appending and prepending grow like log62(n); inserting again and again
// into the same gap (the worst case for any midpoint scheme) grows about one
// character per six inserts.
func TestRankKeysStayShort(t *testing.T) {
	spread := rand.New(rand.NewPCG(3, 4))
	tests := []struct {
		name   string
		n      int
		at     func(keys []string) int
		maxLen int
	}{
		{"append 10000", 10000, func(k []string) int { return len(k) }, 4},
		{"prepend 10000", 10000, func([]string) int { return 0 }, 4},
		{"after the same card 1000 times", 1000, func(k []string) int { return min(1, len(k)) }, 2 + 1000/5},
		{"before the same card 1000 times", 1000, func(k []string) int { return max(len(k)-1, 0) }, 2 + 1000/5},
		{"random spots 10000 times", 10000, func(k []string) int { return spread.IntN(len(k) + 1) }, 12},
	}
	for _, tt := range tests {
		var keys []string
		longest := 0
		for range tt.n {
			keys = insertAt(t, keys, tt.at(keys))
		}
		for _, k := range keys {
			longest = max(longest, len(k))
		}
		if longest > tt.maxLen {
			t.Errorf("%s: longest key has %d bytes, want at most %d", tt.name, longest, tt.maxLen)
		}
		t.Logf("%s: longest key %d bytes", tt.name, longest)
	}
}

// FuzzRankBetween checks that any two strings either are refused or give a key strictly
// between them, and that any sequence of inserts (ops picks each spot) keeps the keys
// valid, distinct and ordered.
func FuzzRankBetween(f *testing.F) {
	f.Add("a0", "a1", []byte{0, 1, 1, 1, 1})
	f.Add("", "", []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add("Zz", "a0V", []byte{255, 3, 7, 2, 2, 2, 2, 2, 2})
	f.Add("a0zzzzzz", "a1", []byte{1, 2, 3})
	f.Add(rankMin+"1", "", []byte{})
	f.Fuzz(func(t *testing.T, a, b string, ops []byte) {
		if key, err := rankBetween(a, b); err == nil {
			checkBetween(t, a, b, key)
		}
		var keys []string
		for _, op := range ops {
			keys = insertAt(t, keys, int(op)%(len(keys)+1))
		}
	})
}
