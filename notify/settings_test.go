package notify

import (
	"mime"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// The workspace's settings are who every email speaks as: the From name, the
// Reply-To, the signature and the List-Id phrase follow them from the next email on,
// and nothing names Closeloop. Before they are set, an email says "us"/"The team"
// and is From MAIL_FROM as written.
func TestSettingsChangeFromReplyToSignatureAndListID(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, func(c *Config) { c.From = "noreply@acme.test" })
	e.start()

	before := e.card("Dark mode", "")
	e.requesters(before, "plain", 1)
	e.ship(before)
	e.settle(before, 1, 10*time.Second)

	e.exec(`UPDATE workspace_settings SET product_name = 'Acme Ünicode', sender_name = 'Maya at Acme',
reply_to = 'help@acme.test', signature = E'Maya and the Acme support team\nacme.test/help'`)
	after := e.card("CSV export", "")
	e.requesters(after, "set", 1)
	e.ship(after)
	e.settle(after, 1, 10*time.Second)

	msgs := e.sink.Messages()
	if len(msgs) != 2 {
		t.Fatalf("sink has %d messages", len(msgs))
	}
	var unset, set receivedEmail
	for _, m := range msgs {
		if m.To[0] == addressOf("plain", 1) {
			unset = parseEmail(t, m.Data)
		} else {
			set = parseEmail(t, m.Data)
		}
	}

	if got := unset.header.Get("From"); got != "<noreply@acme.test>" && got != "noreply@acme.test" {
		t.Errorf("unset From = %q, want MAIL_FROM as written", got)
	}
	if got := unset.header.Get("Reply-To"); got != "" {
		t.Errorf("unset Reply-To = %q", got)
	}
	if !strings.Contains(unset.text, "you asked us for this") || !strings.Contains(unset.text, "The team") {
		t.Errorf("unset text does not speak as us/the team:\n%s", unset.text)
	}
	if got := unset.header.Get("List-Id"); strings.Contains(got, `"`) {
		t.Errorf("unset List-Id has a phrase: %q", got)
	}

	if got := set.header.Get("From"); got != `"Maya at Acme" <noreply@acme.test>` {
		t.Errorf("From = %q", got)
	}
	if got := set.header.Get("Reply-To"); !strings.Contains(got, "<help@acme.test>") {
		t.Errorf("Reply-To = %q", got)
	}
	for _, part := range []string{set.text, set.html} {
		if !strings.Contains(part, "Maya and the Acme support team") || !strings.Contains(part, "acme.test/help") {
			t.Errorf("the signature is missing:\n%s", part)
		}
		if !strings.Contains(part, "the Acme Ünicode team") {
			t.Errorf("the product name is missing:\n%s", part)
		}
	}
	listID, err := new(mime.WordDecoder).DecodeHeader(set.header.Get("List-Id"))
	if err != nil || !strings.HasPrefix(listID, "Acme Ünicode <") || !strings.HasSuffix(listID, ".closeloop.test>") {
		t.Errorf("List-Id = %q (%q, %v)", set.header.Get("List-Id"), listID, err)
	}
	for _, m := range []receivedEmail{unset, set} {
		for _, v := range append([]string{m.text, m.html}, m.header.Get("From"), m.header.Get("List-Id"), m.header.Get("Subject")) {
			if strings.Contains(strings.ToLower(v), "closeloop") && !strings.Contains(v, "closeloop.test") {
				t.Errorf("an email names Closeloop: %q", v)
			}
		}
	}
}
