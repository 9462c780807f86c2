package email

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"

	"github.com/google/uuid"
)

// Tokens makes and checks unsubscribe tokens: the requester id and an HMAC-SHA256 tag of
// it (truncated to 128 bits), base64url, 43 characters. Without the secret nobody
// can make one for another id, and changing any character breaks the tag.
type Tokens struct {
	secret []byte
}

// tokenPurpose keeps these tags from ever matching a tag the same secret makes
// for something else later.
const tokenPurpose = "closeloop unsubscribe v1\x00"

var errBadToken = errors.New("not a valid unsubscribe token")

func (t Tokens) tag(id uuid.UUID) []byte {
	mac := hmac.New(sha256.New, t.secret)
	mac.Write([]byte(tokenPurpose))
	mac.Write(id[:])
	return mac.Sum(nil)[:16]
}

// Sign makes the token of a requester.
func (t Tokens) Sign(id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString(append(id[:], t.tag(id)...))
}

// Parse returns the requester id of a token this installation made.
func (t Tokens) Parse(token string) (uuid.UUID, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) != 32 || base64.RawURLEncoding.EncodeToString(raw) != token {
		return uuid.Nil, errBadToken
	}
	id, err := uuid.FromBytes(raw[:16])
	if err != nil || !hmac.Equal(raw[16:], t.tag(id)) {
		return uuid.Nil, errBadToken
	}
	return id, nil
}
