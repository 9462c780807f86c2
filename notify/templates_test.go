package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// The default shipped email quotes the customer's own words when the request has a
// quote, and leaves the sentence out when it has none; a board's own template is what
// is sent, its placeholders filled.
func TestShippedEmailQuotesTheRequestAndUsesTheBoardTemplate(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	e.start()
	card := e.card("Dark mode", "Settings → Appearance.")
	ids := e.requesters(card, "quote", 2)
	e.exec(`UPDATE requests SET quote = 'My eyes hurt at night' WHERE requester_id = $1`, ids[0])
	e.ship(card)
	e.settle(card, 2, 10*time.Second)
	for _, m := range e.sink.Messages() {
		got := parseEmail(t, m.Data)
		quoted := strings.Contains(got.text, `You told us: "My eyes hurt at night"`) && strings.Contains(got.html, "You told us: &#34;My eyes hurt at night&#34;")
		if want := m.To[0] == addressOf("quote", 1); quoted != want || strings.Contains(got.text, "You told us: \"\"") {
			t.Errorf("%s: quoted %v, want %v:\n%s", m.To[0], quoted, want, got.text)
		}
		if !strings.Contains(got.text, "Hi Quote ") || !strings.Contains(got.text, "Settings → Appearance.") {
			t.Errorf("%s: greeting or release note missing:\n%s", m.To[0], got.text)
		}
	}

	other := e.card("CSV export", "")
	e.requesters(other, "custom", 1)
	e.exec(`INSERT INTO email_templates (board_id, kind, subject, body)
SELECT board_id, 'shipped', '{{first_name}}, {{card_title}} is out', E'Dear {{name}},\n\n{{card_title}} is live: {{card_url}}\n\n{{note}}' FROM cards WHERE id = $1`, other)
	e.ship(other)
	e.settle(other, 1, 10*time.Second)
	for _, m := range e.sink.Messages() {
		if m.To[0] != addressOf("custom", 1) {
			continue
		}
		got := parseEmail(t, m.Data)
		if s := got.header.Get("Subject"); s != "Custom, CSV export is out" {
			t.Errorf("subject %q", s)
		}
		if !strings.Contains(got.text, "Dear Custom 1,\n\nCSV export is live: http://closeloop.test/c/"+other.String()) || strings.Contains(got.text, "{{") {
			t.Errorf("custom body:\n%s", got.text)
		}
	}
}
