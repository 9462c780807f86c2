package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Card positions are fractional-index keys: strings over the base-62 alphabet below,
// compared bytewise (the column is COLLATE "C"), so a key can always be made between
// two others and a move writes one row instead of renumbering a column.
//
// A key is an integer part followed by a fraction. The integer part's first byte says
// how many digits follow ('a'..'z': 1..26 digits, counting up; 'A'..'Z': 26..1, counting
// down), which keeps appends and prepends O(log n) long; the fraction (possibly empty)
// never ends in '0', so there is always room below it. This is the scheme of
// rocicorp/fractional-indexing (D. Greenspan, "Implementing Fractional Indexing").
const rankDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// rankMin is the smallest integer part; no key may equal it exactly, so there is
// always a key below any key.
var rankMin = "A" + strings.Repeat("0", 26)

// maxRankLen bounds a key well under PostgreSQL's b-tree entry limit (~2.7 kB). Only
// thousands of drops into one and the same gap get near it (about one byte per five).
const maxRankLen = 1024

var errRankExhausted = errors.New("rank: no more room at this end")

// rankBetween returns a key strictly between a and b; "" stands for the open start
// (as a) or the open end (as b).
func rankBetween(a, b string) (string, error) {
	if a != "" {
		if err := validRank(a); err != nil {
			return "", err
		}
	}
	if b != "" {
		if err := validRank(b); err != nil {
			return "", err
		}
	}
	if a != "" && b != "" && a >= b {
		return "", fmt.Errorf("rank: %q is not before %q", a, b)
	}
	switch {
	case a == "" && b == "":
		return "a0", nil
	case a == "":
		ib := rankInteger(b)
		if ib == rankMin {
			return ib + rankMidpoint("", b[len(ib):]), nil
		}
		if ib < b { // b has a fraction: its integer part alone is below it
			return ib, nil
		}
		return rankDecrement(ib)
	case b == "":
		ia := rankInteger(a)
		i, err := rankIncrement(ia)
		if errors.Is(err, errRankExhausted) {
			return ia + rankMidpoint(a[len(ia):], ""), nil
		}
		return i, err
	}
	ia, ib := rankInteger(a), rankInteger(b)
	if ia == ib {
		return ia + rankMidpoint(a[len(ia):], b[len(ib):]), nil
	}
	i, err := rankIncrement(ia)
	if err != nil {
		return "", err
	}
	if i < b {
		return i, nil
	}
	return ia + rankMidpoint(a[len(ia):], ""), nil
}

// validRank reports whether k is a well-formed key.
func validRank(k string) error {
	n, ok := rankIntegerLen(k)
	if !ok || n > len(k) || k == rankMin {
		return fmt.Errorf("rank: invalid key %q", k)
	}
	for i := 1; i < len(k); i++ {
		if strings.IndexByte(rankDigits, k[i]) < 0 {
			return fmt.Errorf("rank: invalid key %q", k)
		}
	}
	if len(k) > n && k[len(k)-1] == '0' {
		return fmt.Errorf("rank: invalid key %q (fraction ends in 0)", k)
	}
	return nil
}

// rankIntegerLen is the length of the integer part, head byte included.
func rankIntegerLen(k string) (int, bool) {
	if k == "" {
		return 0, false
	}
	switch h := k[0]; {
	case h >= 'a' && h <= 'z':
		return int(h-'a') + 2, true
	case h >= 'A' && h <= 'Z':
		return int('Z'-h) + 2, true
	}
	return 0, false
}

// rankInteger returns the integer part of a valid key.
func rankInteger(k string) string {
	n, _ := rankIntegerLen(k)
	return k[:n]
}
