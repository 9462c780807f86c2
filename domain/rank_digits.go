package domain

import "strings"

// Digit arithmetic behind rankBetween.

func rankDigit(b byte) int { return strings.IndexByte(rankDigits, b) }

// rankMidpoint returns a fraction strictly between fractions a and b (b == "" is 1).
// Neither may end in '0', and neither does the result.
func rankMidpoint(a, b string) string {
	if b != "" {
		// Drop the common prefix (a padded with zeros); the rest decides.
		n := 0
		for n < len(b) && rankDigitAt(a, n) == b[n] {
			n++
		}
		if n > 0 {
			return b[:n] + rankMidpoint(rankTail(a, n), b[n:])
		}
	}
	da, db := 0, len(rankDigits)
	if a != "" {
		da = rankDigit(a[0])
	}
	if b != "" {
		db = rankDigit(b[0])
	}
	if db-da > 1 {
		return string(rankDigits[(da+db+1)/2])
	}
	// The first digits are consecutive.
	if len(b) > 1 {
		return b[:1]
	}
	return string(rankDigits[da]) + rankMidpoint(rankTail(a, 1), "")
}

func rankDigitAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return '0'
}

func rankTail(s string, n int) string {
	if n >= len(s) {
		return ""
	}
	return s[n:]
}

// rankIncrement returns the next integer part, or errRankExhausted after "zzz…".
func rankIncrement(x string) (string, error) {
	head, digs := x[0], []byte(x[1:])
	for i := len(digs) - 1; i >= 0; i-- {
		if d := rankDigit(digs[i]) + 1; d < len(rankDigits) {
			digs[i] = rankDigits[d]
			return string(head) + string(digs), nil
		}
		digs[i] = '0'
	}
	// Every digit carried: the integer part changes length.
	switch head {
	case 'Z':
		return "a0", nil
	case 'z':
		return "", errRankExhausted
	}
	head++
	if head > 'a' {
		digs = append(digs, '0')
	} else {
		digs = digs[:len(digs)-1]
	}
	return string(head) + string(digs), nil
}

// rankDecrement returns the previous integer part, or errRankExhausted at the bottom.
func rankDecrement(x string) (string, error) {
	head, digs := x[0], []byte(x[1:])
	for i := len(digs) - 1; i >= 0; i-- {
		if d := rankDigit(digs[i]) - 1; d >= 0 {
			digs[i] = rankDigits[d]
			return rankAboveMin(string(head) + string(digs)), nil
		}
		digs[i] = 'z'
	}
	switch head {
	case 'a':
		return "Zz", nil
	case 'A':
		return "", errRankExhausted
	}
	head--
	if head < 'Z' {
		digs = append(digs, 'z')
	} else {
		digs = digs[:len(digs)-1]
	}
	return string(head) + string(digs), nil
}

// rankAboveMin keeps the forbidden smallest integer part from being handed out.
func rankAboveMin(k string) string {
	if k == rankMin {
		return k + rankMidpoint("", "")
	}
	return k
}
