package domain

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text checks shared by boards, columns and cards. Messages are written for the person
// who typed the value: they say what is wrong and what is allowed.

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
