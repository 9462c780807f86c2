package domain

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// Labels is a card's text[] of labels.
type Labels []string

// Scan reads a PostgreSQL text[] (database/sql hands it over in text form).
func (l *Labels) Scan(src any) error {
	if out, ok := simpleTextArray(src); ok {
		*l = out
		return nil
	}
	var out []string
	// A Map is not safe for concurrent use, and a new one is cheap (it shares the defaults).
	if err := pgtype.NewMap().SQLScanner(&out).Scan(src); err != nil {
		return fmt.Errorf("labels: %w", err)
	}
	*l = out
	return nil
}

// simpleTextArray parses the common case of a text[] in text form without pgtype (a
// board page scans hundreds): no element quoted or escaped, none NULL. Anything else
// reports false and goes through pgtype.
func simpleTextArray(src any) (Labels, bool) {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return nil, false
	}
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' || strings.ContainsAny(s, `"\`) {
		return nil, false
	}
	if s == "{}" {
		return Labels{}, true
	}
	out := strings.Split(s[1:len(s)-1], ",")
	for _, e := range out {
		if e == "" || strings.EqualFold(e, "NULL") || strings.ContainsAny(e, "{} \t\n") {
			return nil, false
		}
	}
	return out, true
}

// Value writes a PostgreSQL text[] literal; nil is the empty array (the column is NOT NULL).
func (l Labels) Value() (driver.Value, error) {
	buf, err := pgtype.NewMap().Encode(pgtype.TextArrayOID, pgtype.TextFormatCode, []string(append(Labels{}, l...)), nil)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	return string(buf), nil
}

const (
	maxLabels   = 20
	maxLabelLen = 50
)

// checkLabels trims labels, drops exact duplicates (keeping the first) and validates them.
func checkLabels(p Problems, in []string) Labels {
	out := Labels{}
	seen := map[string]bool{}
	for i, raw := range in {
		sub := Problems{}
		label := checkLine(sub, "label", raw, 1, maxLabelLen)
		if msg, bad := sub["label"]; bad {
			p.Add("labels", fmt.Sprintf("label %d (%q): %s", i+1, labelExcerpt(raw, 20), msg))
			continue
		}
		if !seen[label] {
			seen[label] = true
			out = append(out, label)
		}
	}
	if len(out) > maxLabels {
		p.Add("labels", fmt.Sprintf("a card has at most %d labels (this has %d)", maxLabels, len(out)))
	}
	return out
}

// labelExcerpt shortens s to n characters for quoting in a message.
func labelExcerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}
