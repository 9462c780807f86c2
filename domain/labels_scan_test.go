package domain

import (
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

// The fast path of Labels.Scan must read every text[] exactly as pgtype does.
func TestLabelsScanMatchesPgtype(t *testing.T) {
	for _, src := range []string{
		`{}`, `{a}`, `{customer,urgent}`, `{"two words",x}`, `{"a,b"}`, `{"with \"quote\""}`,
		`{"back\\slash"}`, `{""}`, `{"NULL"}`, `{ünïcode,日本}`, `{"{brace}"}`, `{a,"",b}`,
	} {
		var got Labels
		if err := got.Scan(src); err != nil {
			t.Fatalf("Scan(%s): %v", src, err)
		}
		var want []string
		if err := pgtype.NewMap().SQLScanner(&want).Scan(src); err != nil {
			t.Fatalf("pgtype(%s): %v", src, err)
		}
		if !slices.Equal([]string(got), want) || got == nil {
			t.Errorf("Scan(%s) = %q, want %q", src, got, want)
		}
	}
}
