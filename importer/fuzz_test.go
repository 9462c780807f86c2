package importer

import (
	"errors"
	"strings"
	"testing"
)

// Whatever a file holds, the parsers answer a board (or rows) or a FormatError; they
// never panic, and what they answer fits Closeloop's limits on titles and names.
func FuzzParseTrello(f *testing.F) {
	f.Add(`{"id":"b","name":"B","lists":[{"id":"l","name":"Done","pos":1}],"cards":[{"id":"c","idList":"l","name":"x","pos":"top"}]}`)
	f.Add(`{"id":"b","lists":[],"cards":[],"actions":[{"type":"commentCard","data":{"text":"hi","card":{"id":"c"}}}]}`)
	f.Add(`[1,2,3]`)
	f.Add(`{"id":1}`)
	f.Fuzz(func(t *testing.T, in string) {
		b, err := ParseTrello(strings.NewReader(in), nil)
		var fe *FormatError
		if err != nil {
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FormatError", err)
			}
			return
		}
		for _, col := range b.Columns {
			if len([]rune(col.Name)) > 50 || col.Name == "" {
				t.Fatalf("column name %q", col.Name)
			}
			for _, c := range col.Cards {
				if len([]rune(c.Title)) > 200 || c.Title == "" {
					t.Fatalf("card title %q", c.Title)
				}
			}
		}
	})
}

func FuzzParseRequestsCSV(f *testing.F) {
	f.Add("email,card\nann@example.com,12\n")
	f.Add("\ufeffemail;card;quote\nann@example.com;closeloop-3;\"a;b\"\n")
	f.Add("email,card\n\"open")
	f.Fuzz(func(t *testing.T, in string) {
		rows, _, err := ParseRequestsCSV(strings.NewReader(in))
		var fe *FormatError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error %v is not a FormatError", err)
		}
		for i, r := range rows {
			if r.Row != i+1 {
				t.Fatalf("row %d numbered %d", i, r.Row)
			}
		}
	})
}
