package email

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"

	"github.com/google/uuid"
)

// Tokens makes and checks the tokens in links: an id and an HMAC-SHA256 tag of it
// (truncated to 128 bits), base64url, 43 characters. Without the secret nobody
// can make one for another id, and changing any character breaks the tag.
// Unsubscribe tokens carry a requester id, reaction tokens a delivery id, and
// roadmap confirmation tokens a pending want id.
type Tokens struct {
	secret  []byte
	purpose string // "" is the unsubscribe purpose
}

// The purposes keep a tag made for one kind of link from ever being valid for
// another: a reaction token is no unsubscribe token for the same id.
const (
	tokenPurpose    = "closeloop unsubscribe v1\x00"
	reactionPurpose = "closeloop reaction v1\x00"
	confirmPurpose  = "closeloop roadmap confirm v1\x00"
)

var errBadToken = errors.New("not a valid link token")

func (t Tokens) tag(id uuid.UUID) []byte {
	mac := hmac.New(sha256.New, t.secret)
	if t.purpose == "" {
		mac.Write([]byte(tokenPurpose))
	} else {
		mac.Write([]byte(t.purpose))
	}
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
