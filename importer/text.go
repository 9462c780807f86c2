package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// oneLine makes s fit a one-line field of at most max characters: control and line
// characters become spaces, runs of spaces one, and a longer text is cut with "…".
// cut reports whether it was.
func oneLine(s string, max int) (out string, cut bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "�"))
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…", true
}

// multiLine keeps line breaks and tabs, drops other control characters (NUL cannot
// be stored) and cuts a text longer than max characters, saying so at its end.
func multiLine(s string, max int) (out string, cut bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "�"))
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	const note = "\n\n… (cut here: the rest did not fit)"
	r := []rune(s)
	return string(r[:max-utf8.RuneCountInString(note)]) + note, true
}
