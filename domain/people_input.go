package domain

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what people-related inputs may hold (characters, not bytes).
const (
	maxPersonName  = 200
	maxCompany     = 200
	maxQuote       = 5000
	maxSource      = 100
	maxExcerpt     = 5000
	maxExternalIDs = 20
	maxExternalKey = 50
	maxExternalVal = 200
	maxSearchQuery = 200
)

// checkRequestText trims v and records a problem when it is too long, not UTF-8, or holds
// control characters. Multiline text (quotes, excerpts) may hold newlines and tabs; NUL
// never passes, because PostgreSQL text cannot store it.
func checkRequestText(p Problems, field, v string, max int, multiline bool) string {
	v = strings.TrimSpace(v)
	if !utf8.ValidString(v) {
		p.Add(field, "must be valid UTF-8 text")
		return v
	}
	if n := utf8.RuneCountInString(v); n > max {
		p.Add(field, "is too long (at most "+formatCount(max)+" characters)")
		return v
	}
	for _, r := range v {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			p.Add(field, "must not contain control characters")
			break
		}
	}
	return v
}

// formatCount writes n with thousands separators, as the API documents limits ("5,000").
func formatCount(n int) string {
	d := strconv.Itoa(n)
	var b strings.Builder
	for i := range len(d) {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(d[i])
	}
	return b.String()
}

// peopleListLimit applies the API's list limit: default 50, at most 200.
func peopleListLimit(limit int) int {
	switch {
	case limit <= 0:
		return 50
	case limit > 200:
		return 200
	}
	return limit
}
