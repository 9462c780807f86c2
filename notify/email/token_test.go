package email

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestUnsubscribeTokens(t *testing.T) {
	signer := Tokens{secret: []byte("0123456789abcdef0123456789abcdef")}
	other := Tokens{secret: []byte("fedcba9876543210fedcba9876543210")}
	id := uuid.New()
	token := signer.Sign(id)
	if len(token) != 43 || strings.ContainsAny(token, "+/=") {
		t.Errorf("token %q is not 43 characters of base64url", token)
	}
	if got, err := signer.Parse(token); err != nil || got != id {
		t.Fatalf("parse(sign(id)) = %v, %v; want %v", got, err, id)
	}
	forged := []string{
		other.Sign(id), // another installation's secret
		signer.Sign(uuid.New())[:22] + token[22:], // someone else's id with this tag
		token[:42] + "A", token[:42] + "B", // last character changed (one of them differs)
		token[:40], token + "A", "", "%%%", strings.ToUpper(token),
	}
	for _, f := range forged {
		if f == token {
			continue
		}
		if got, err := signer.Parse(f); err == nil {
			t.Errorf("parse(%q) = %v, want an error", f, got)
		}
	}
}
