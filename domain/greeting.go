package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxGreetingName is the most of a name an email greets with (characters).
const maxGreetingName = 100

// GreetingName is what of a requester's name an email may show them ("Hi <name>," and
// the To header): anyone with the support role, or a help desk, writes names, and an
// email goes to any address, so a name must not carry a link or a domain a mail client
// would make clickable, nor markup. Each word keeps its letters, combining marks,
// digits, apostrophes, hyphens and dots, and nothing else (no @, /, :, <, quotes,
// invisible or look-alike dots); a word that then looks like a domain or an address
// ("evil.com", "www.x.io", "10.0.0.1") is dropped; the words that fit in 100
// characters are kept. "" when nothing with a letter remains: the email then greets
// "there". Notify renders the result as text (escaped in HTML).
func GreetingName(name string) string {
	if plainName(name) {
		return name // the usual case, on every email of a fan-out: nothing to take out
	}
	var b strings.Builder
	for _, word := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		word = strings.TrimLeft(strings.Map(keepInName, word), ".-'’")
		if !strings.ContainsFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) || looksLikeDomain(word) {
			continue
		}
		n := utf8.RuneCountInString(b.String())
		if n > 0 {
			n++ // the space before the word
		}
		if room := maxGreetingName - n; utf8.RuneCountInString(word) > room {
			if b.Len() == 0 { // one very long word: its first 100 characters
				b.WriteString(string([]rune(word)[:room]))
			}
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(word)
	}
	if !strings.ContainsFunc(b.String(), unicode.IsLetter) {
		return "" // digits alone are no name (a phone number, an order number)
	}
	return b.String()
}

// plainName reports a name GreetingName would return unchanged, by a quick look: ASCII
// letters, digits, apostrophes and hyphens, no word starting with an apostrophe or a
// hyphen, single spaces between words, a letter somewhere, at most 100 bytes.
func plainName(s string) bool {
	if s == "" || len(s) > maxGreetingName {
		return false
	}
	letter, wordStart := false, true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9':
		case c == '\'' || c == '-':
			if wordStart {
				return false
			}
		case c == ' ':
			if wordStart {
				return false // leading or double space
			}
			wordStart = true
			continue
		default:
			return false
		}
		wordStart = false
	}
	return letter && !wordStart
}

func keepInName(r rune) rune {
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.In(r, unicode.Mn, unicode.Mc):
		return r
	case r == '\'' || r == '’' || r == '-' || r == '.':
		return r
	}
	return -1
}

// looksLikeDomain reports a word with a dot between two of its parts where the last
// part is two characters or more, or any part holds a digit: "evil.com", "x.co.uk",
// "1.2.3.4" are; "J.R.R." and "St." are not.
func looksLikeDomain(word string) bool {
	parts := strings.Split(strings.TrimRight(word, "."), ".")
	if len(parts) < 2 {
		return false
	}
	if utf8.RuneCountInString(parts[len(parts)-1]) >= 2 {
		return true
	}
	for _, p := range parts {
		if strings.ContainsFunc(p, unicode.IsDigit) {
			return true
		}
	}
	return false
}
