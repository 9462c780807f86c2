package webhooks

import "testing"

// The test vector published with the Standard Webhooks libraries (TestWebhookSign in
// libraries/go/webhook_test.go, and the same in every other language's tests).
func TestSignMatchesThePublishedVector(t *testing.T) {
	got, err := Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
		[]byte(`{"test": 2432232314}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="; got != want {
		t.Fatalf("signature = %s, want %s", got, want)
	}
}

func TestSignRefusesASecretThatIsNotBase64(t *testing.T) {
	if _, err := Sign("whsec_not base64!", "msg_1", 1, []byte("{}")); err == nil {
		t.Fatal("signed with a broken secret")
	}
}
