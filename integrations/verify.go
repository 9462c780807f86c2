package integrations

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // Intercom, Help Scout and Front sign with HMAC-SHA1; it is their scheme
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// window is how far a signed timestamp may be from now (either way) for the schemes
// that sign one (Zendesk, Standard Webhooks).
const window = 5 * time.Minute

func mac(h func() hash.Hash, key []byte, parts ...[]byte) []byte {
	m := hmac.New(h, key)
	for _, p := range parts {
		m.Write(p)
	}
	return m.Sum(nil)
}

// equalBase64 compares a base64 signature with the expected MAC in constant time.
func equalBase64(got string, want []byte) bool {
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(base64.StdEncoding.EncodeToString(want))) == 1
}

// equalHex compares a hex signature (any case) with the expected MAC in constant time.
func equalHex(got string, want []byte) bool {
	return subtle.ConstantTimeCompare([]byte(strings.ToLower(strings.TrimSpace(got))), []byte(hex.EncodeToString(want))) == 1
}

var (
	sha1New   = sha1.New
	sha256New = sha256.New
)

// fresh says whether a signed timestamp (RFC 3339 or Unix seconds) is within the window.
func fresh(raw string, now time.Time) bool {
	raw = strings.TrimSpace(raw)
	var at time.Time
	if secs, err := strconv.ParseInt(raw, 10, 64); err == nil {
		at = time.Unix(secs, 0)
	} else if t, err := time.Parse(time.RFC3339, raw); err == nil {
		at = t
	} else {
		return false
	}
	d := now.Sub(at)
	return d <= window && d >= -window
}

// requestWithHeader wraps a header for net/http's Basic auth parser.
func requestWithHeader(h http.Header) *http.Request { return &http.Request{Header: h} }
