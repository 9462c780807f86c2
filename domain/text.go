package domain

import "unicode"

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
