package api

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// errInvalidText is the 400 for a JSON string that is not valid UTF-8. encoding/json
// would quietly put U+FFFD in place of the bad bytes (or of an unpaired \u surrogate
// escape), and the changed text would be stored as if the caller had sent it.
func errInvalidText(field string) error {
	return badRequest("invalid_utf8", "the request body holds text that is not valid UTF-8",
		map[string]string{field: "must be valid UTF-8 text (it holds bytes that are not UTF-8, or an unpaired \\u surrogate escape)"})
}

// invalidTextField returns the path ("name", "columns[0].stage") of the first string
// in body, key or value, that is not valid UTF-8. Bodies that are valid UTF-8 without
// an unpaired surrogate, the usual case, cost one pass over the bytes. A body that is
// not JSON reports nothing here: decoding says what is wrong with it.
func invalidTextField(body []byte) (string, bool) {
	if utf8.Valid(body) && !hasLoneSurrogate(body) {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var stack []textFrame
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		raw := body[start:dec.InputOffset()]
		bad := !utf8.Valid(raw) || hasLoneSurrogate(raw)
		top := len(stack) - 1
		if top >= 0 && stack[top].object && stack[top].wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' { // an empty object ends
				stack = closeFrame(stack)
				continue
			}
			stack[top].key, stack[top].wantKey = strings.ToValidUTF8(tok.(string), "\uFFFD"), false
			if bad {
				return framePath(stack), true
			}
			continue
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = closeFrame(stack)
			continue
		}
		if top >= 0 && !stack[top].object {
			stack[top].index++
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, textFrame{object: true, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, textFrame{index: -1})
			continue
		}
		if _, isString := tok.(string); isString && bad {
			if path := framePath(stack); path != "" {
				return path, true
			}
			return "body", true
		}
		if top >= 0 && stack[top].object {
			stack[top].wantKey = true
		}
	}
}

// textFrame is an object or array being read: where in it the decoder is.
type textFrame struct {
	object  bool
	wantKey bool   // objects: the next token is a key
	key     string // objects: the key of the current value
	index   int    // arrays: the index of the current value
}

// closeFrame pops the finished container; in an object, a key comes next.
func closeFrame(stack []textFrame) []textFrame {
	stack = stack[:len(stack)-1]
	if n := len(stack); n > 0 && stack[n-1].object {
		stack[n-1].wantKey = true
	}
	return stack
}

func framePath(stack []textFrame) string {
	var b strings.Builder
	for _, f := range stack {
		if f.object {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
		} else {
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		}
	}
	return b.String()
}

// hasLoneSurrogate reports a \uD800–\uDFFF escape that is not a high surrogate
// followed at once by a low one (the only way JSON may spell a character beyond U+FFFF).
func hasLoneSurrogate(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			continue
		}
		if i+1 < len(s) && s[i+1] != 'u' {
			i++ // \\, \" and the like: the next byte is not an escape of its own
			continue
		}
		r, ok := hex4(s, i+2)
		if !ok {
			continue // malformed: decoding says so
		}
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return true
		case r >= 0xD800 && r <= 0xDBFF:
			low, ok := hex4(s, i+8)
			if i+7 >= len(s) || s[i+6] != '\\' || s[i+7] != 'u' || !ok || low < 0xDC00 || low > 0xDFFF {
				return true
			}
			i += 11
		default:
			i += 5
		}
	}
	return false
}

func hex4(s []byte, at int) (rune, bool) {
	if at+4 > len(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[at:at+4]), 16, 16)
	return rune(v), err == nil
}
