package domain

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// newSecret returns a random token with a readable prefix ("cl_…", "cls_…").
func newSecret(prefix string) string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (Go 1.24+ crashes instead), which errcheck knows
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// hashSecret is what is stored for tokens and sessions: the secret itself never is.
func hashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}
