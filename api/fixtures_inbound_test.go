package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// testWhsec is the generic integrations' key in these tests.
const testWhsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

func (f *fixtures) newIntegration(kind string) domain.Integration {
	f.t.Helper()
	secret := ""
	if kind == "generic" {
		secret = testWhsec
	}
	it, err := f.env.svc.CreateIntegration(context.Background(), domain.NewIntegration{Kind: kind, Name: fmt.Sprintf("%s %d", kind, f.next()), Secret: secret})
	f.must(err)
	return it
}

// signedGeneric is a Standard Webhooks delivery of body to the integration.
func signedGeneric(integrationID uuid.UUID, msgID, body string, at time.Time) apiReq {
	return signedGenericWith(testWhsec[len("whsec_"):], integrationID, msgID, body, at)
}

// signedGenericWith signs with another key (base64, the part after whsec_).
func signedGenericWith(b64key string, integrationID uuid.UUID, msgID, body string, at time.Time) apiReq {
	key, _ := base64.StdEncoding.DecodeString(b64key)
	ts := strconv.FormatInt(at.Unix(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msgID + "." + ts + "." + body))
	return apiReq{method: "POST", path: "/api/v1/hooks/in/" + integrationID.String(), body: body, headers: []string{
		"Content-Type", "application/json", "webhook-id", msgID, "webhook-timestamp", ts,
		"webhook-signature", "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil))}}
}
