package notify

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// receivedEmail is a message from the sink, parsed.
type receivedEmail struct {
	raw    []byte
	header mail.Header
	text   string
	html   string
}

// parseEmail reads a message as a mail client would: RFC 5322 headers, then a
// multipart/alternative body with a text/plain and a text/html part.
func parseEmail(t *testing.T, raw []byte) receivedEmail {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v", err)
	}
	e := receivedEmail{raw: raw, header: msg.Header}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q, want multipart/alternative", msg.Header.Get("Content-Type"))
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	var types []string
	for {
		p, err := parts.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("bad MIME part: %v", err)
		}
		body, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		types = append(types, ct)
		switch ct {
		case "text/plain":
			e.text = strings.ReplaceAll(string(body), "\r\n", "\n")
		case "text/html":
			e.html = strings.ReplaceAll(string(body), "\r\n", "\n")
		}
	}
	if strings.Join(types, ",") != "text/plain,text/html" {
		t.Fatalf("parts %v, want text/plain then text/html", types)
	}
	return e
}

// headerLine returns the raw header line(s) of name, to check it was not folded.
func headerLine(raw []byte, name string) (string, bool) {
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			return "", false
		}
		if strings.HasPrefix(strings.ToLower(line), strings.ToLower(name)+":") {
			if sc.Scan() && (strings.HasPrefix(sc.Text(), " ") || strings.HasPrefix(sc.Text(), "\t")) {
				return line + "\n" + sc.Text(), true // folded
			}
			return line, true
		}
	}
	return "", false
}

// The email the sink receives has every header, is valid MIME, and a card title,
// release note or name made to break headers or inject markup does neither.
func TestEmailHeadersMIMEAndEscaping(t *testing.T) {
	e := newEnv(t, smtptest.Options{KeepMessages: true}, nil)
	e.start()
	title := "Dark <script>alert(1)</script>\r\nBcc: evil@example.com"
	card := e.card(title, "Turn it on in <b>Settings</b>.\nIt follows your system.\n\nThanks & enjoy!")
	id := e.requesters(card, "mime", 1)[0]
	e.exec(`UPDATE requesters SET name = $2 WHERE id = $1`, id, "Zoë \"Z\" O'Brien\r\nX-Evil: 1")

	e.ship(card)
	e.settle(card, 1, 10*time.Second)
	msgs := e.sink.Messages()
	if len(msgs) != 1 {
		t.Fatalf("sink has %d messages", len(msgs))
	}
	m := parseEmail(t, msgs[0].Data)
	h := m.header

	if got := h.Get("From"); got != `"Acme Product Team" <product@acme.test>` {
		t.Errorf("From = %q", got)
	}
	to, err := mail.ParseAddress(h.Get("To"))
	if err != nil || to.Address != addressOf("mime", 1) || to.Name != `Zoë Z O'Brien X-Evil 1` {
		t.Errorf("To = %q (%+v, %v)", h.Get("To"), to, err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if want := "Shipped: Dark <script>alert(1)</script> Bcc: evil@example.com"; err != nil || subject != want {
		t.Errorf("Subject = %q, want %q", subject, want)
	}
	for _, injected := range []string{"Bcc", "X-Evil"} {
		if got := h.Get(injected); got != "" {
			t.Errorf("header %s injected: %q", injected, got)
		}
	}
	var deliveryID uuid.UUID
	var messageID string
	if err := e.pool.QueryRow(t.Context(), `SELECT id, message_id FROM deliveries WHERE card_id = $1`, card).Scan(&deliveryID, &messageID); err != nil {
		t.Fatal(err)
	}
	if got, want := h.Get("Message-Id"), "<"+deliveryID.String()+"@acme.test>"; got != want || messageID != deliveryID.String()+"@acme.test" {
		t.Errorf("Message-ID = %q (recorded %q), want %q", got, messageID, want)
	}
	if got, want := h.Get("List-Id"), "<"+e.svc.cfg.InstallationID+".closeloop.test>"; got != want {
		t.Errorf("List-Id = %q, want %q", got, want)
	}
	unsubscribe := "http://closeloop.test/u/" + e.svc.emails.Tokens().Sign(id)
	if line, _ := headerLine(m.raw, "List-Unsubscribe"); line != "List-Unsubscribe: <"+unsubscribe+">" {
		t.Errorf("List-Unsubscribe line = %q", line)
	}
	if line, _ := headerLine(m.raw, "List-Unsubscribe-Post"); line != "List-Unsubscribe-Post: List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post line = %q", line)
	}
	if h.Get("Date") == "" || h.Get("Mime-Version") != "1.0" || h.Get("Auto-Submitted") != "auto-generated" {
		t.Errorf("Date %q, MIME-Version %q, Auto-Submitted %q", h.Get("Date"), h.Get("Mime-Version"), h.Get("Auto-Submitted"))
	}

	cardURL := "http://closeloop.test/c/" + card.String()
	for _, want := range []string{`Hi Zoë Z O'Brien X-Evil 1,`, `Dark <script>alert(1)</script> Bcc: evil@example.com`,
		"Turn it on in <b>Settings</b>.\nIt follows your system.", "Thanks & enjoy!", cardURL, unsubscribe, "Acme Product Team"} {
		if !strings.Contains(m.text, want) {
			t.Errorf("text part lacks %q:\n%s", want, m.text)
		}
	}
	for _, want := range []string{"Hi Zoë Z O&#39;Brien X-Evil 1,", "Dark &lt;script&gt;alert(1)&lt;/script&gt;",
		"Turn it on in &lt;b&gt;Settings&lt;/b&gt;.<br>It follows your system.", "Thanks &amp; enjoy!",
		`href="` + cardURL + `"`, `href="` + unsubscribe + `"`} {
		if !strings.Contains(m.html, want) {
			t.Errorf("HTML part lacks %q:\n%s", want, m.html)
		}
	}
	if strings.Contains(m.html, "<script") || strings.Contains(m.html, "<b>") {
		t.Errorf("HTML part carries markup from the card:\n%s", m.html)
	}

	// The preview is the same email but for its unsubscribe link, which unsubscribes nobody.
	p, err := e.svc.Preview(context.Background(), card, id, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	previewed := strings.NewReplacer(unsubscribe, "http://closeloop.test/u/preview")
	if p.Subject != subject || p.Text != previewed.Replace(m.text) || p.HTML != previewed.Replace(m.html) {
		t.Errorf("preview differs from the email sent:\nsubject %q vs %q", p.Subject, subject)
	}
}

// The board's template changes the subject and body of the preview (and of what is sent);
// without a requester the preview uses a sample one.
func TestPreviewWithBoardOverrides(t *testing.T) {
	e := newEnv(t, smtptest.Options{}, nil)
	card := e.card("Slack alerts", "Connect Slack in Settings.")
	e.exec(`INSERT INTO email_templates (board_id, kind, subject, body) SELECT id, 'shipped', '{{card_title}} is live (Roadmap)',
    'Hello {{name}}! You asked, and <we> built {{card_title}}.' FROM boards`)
	id := e.requesters(card, "prev", 1)[0]
	ctx := context.Background()

	p, err := e.svc.Preview(ctx, card, id, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.To != `"Prev 1" <prev1@example.com>` || p.Subject != "Slack alerts is live (Roadmap)" {
		t.Errorf("To %q, Subject %q", p.To, p.Subject)
	}
	if !strings.Contains(p.Text, "Hello Prev 1! You asked, and <we> built Slack alerts.") ||
		!strings.Contains(p.HTML, "Hello Prev 1! You asked, and &lt;we&gt; built Slack alerts.") {
		t.Errorf("intro override missing:\n%s\n%s", p.Text, p.HTML)
	}

	sample, err := e.svc.Preview(ctx, card, uuid.Nil, "", nil)
	if err != nil || sample.To != `"Sam Sample" <sam@example.com>` || !strings.Contains(sample.Text, "Hello Sam Sample!") {
		t.Errorf("sample preview: %+v, %v", sample.To, err)
	}
	if _, err := e.svc.Preview(ctx, uuid.New(), uuid.Nil, "", nil); domain.KindOf(err) != domain.KindNotFound {
		t.Errorf("unknown card: %v", err)
	}
	if _, err := e.svc.Preview(ctx, card, uuid.New(), "", nil); domain.KindOf(err) != domain.KindNotFound {
		t.Errorf("unknown requester: %v", err)
	}
}
