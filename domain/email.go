package domain

import (
	"net/mail"
	"strings"
	"unicode"
)

// maxEmailLen is the longest address SMTP can carry in a path (RFC 5321 §4.5.3.1.3).
const maxEmailLen = 254

const invalidEmail = "is not a valid address"

// NormalizeEmail checks that raw is one bare address and returns it trimmed.
// Identity is case-insensitive (the database compares lower(email)), but the address
// is kept as the person typed it: some mail systems do honour case in the local part.
//
// Only the plain form is accepted — no display name ("Ann <ann@x.com>"), no angle
// brackets, no comments, no lists, no domain literals — because the address ends up
// in a To header and must never smuggle anything else into it (CR/LF injection).
func NormalizeEmail(raw string) (string, error) {
	return normalizeEmailField("email", raw)
}

// normalizeEmailField is NormalizeEmail reporting problems under another field name.
func normalizeEmailField(field, raw string) (string, error) {
	p := Problems{}
	s := checkEmail(p, field, raw)
	return s, p.Err()
}

// checkEmail trims raw and records a problem for field unless it is one plain address.
func checkEmail(p Problems, field, raw string) string {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		p.Add(field, "is required")
	case !plainAddress(s):
		p.Add(field, invalidEmail)
	}
	return s
}

func plainAddress(s string) bool {
	if len(s) > maxEmailLen {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return false
		}
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && !strings.ContainsAny(s[at+1:], "[]")
}
