package domain

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text checks of every aggregate. Messages are written for the person who typed the
// value: they say what is wrong and what is allowed.

// lineBreaker reports characters that break or hide text on one line: C0/C1 controls
// (CR, LF, tab, NUL, …) and the Unicode line and paragraph separators.
func lineBreaker(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// checkLine validates a one-line field such as a name or a title and returns it
// trimmed of surrounding spaces. min is 0 for optional fields.
func checkLine(p Problems, field, value string, min, max int) string {
	if !utf8.ValidString(value) {
		p.Add(field, "must be valid UTF-8 text")
		return value
	}
	if strings.IndexFunc(value, lineBreaker) >= 0 {
		p.Add(field, "must be a single line: remove line breaks, tabs and other control characters")
		return value
	}
	value = strings.TrimSpace(value)
	n := utf8.RuneCountInString(value)
	switch {
	case n == 0 && min > 0:
		p.Add(field, "is required")
	case n < min:
		p.Add(field, fmt.Sprintf("must be at least %d characters", min))
	case n > max:
		p.Add(field, fmt.Sprintf("must be at most %d characters (it has %d)", max, n))
	}
	return value
}

// checkText validates free text (descriptions, notes): line breaks and tabs are fine,
// other control characters (NUL, escape sequences, …) are not.
func checkText(p Problems, field, value string, max int) string {
	if !utf8.ValidString(value) {
		p.Add(field, "must be valid UTF-8 text")
		return value
	}
	bad := strings.IndexFunc(value, func(r rune) bool {
		return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
	})
	if bad >= 0 {
		p.Add(field, "must not contain control characters other than tabs and line breaks")
		return value
	}
	if n := utf8.RuneCountInString(value); n > max {
		p.Add(field, fmt.Sprintf("must be at most %d characters (it has %d)", max, n))
	}
	return value
}

// hasControl reports whether s contains control characters (CR, LF, tab, NUL, …),
// which never belong in one-line fields such as names and titles.
func hasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// Limits on what requester, request and conversation inputs may hold (characters,
// not bytes).
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
