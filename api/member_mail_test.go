package api

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/notify"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// mailAPI is the API with a running notifier that sends to a real SMTP sink: the
// members' invitations and resets arrive there as a person's inbox would get them.
type mailAPI struct {
	*testAPI
	sink *smtptest.Sink
}

const mailBase = "http://feedback.acme.test"

func newMailAPI(t *testing.T) *mailAPI {
	t.Helper()
	env := newTestAPI(t)
	sink, err := smtptest.Start(smtptest.Options{KeepMessages: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	n, err := notify.New(context.Background(), notify.Config{BaseURL: mailBase, From: "noreply@acme.test",
		SMTPURL: sink.URL(), DataDir: t.TempDir(), PollInterval: 50 * time.Millisecond}, env.url, quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := n.Stop(ctx); err != nil {
			t.Errorf("stop the notifier: %v", err)
		}
	})
	env.svc.UseMemberMailer(n)
	return &mailAPI{testAPI: env, sink: sink}
}

// settle waits until the notifier has finished every job, so that the database stays
// as it is while a test compares it.
func (e *mailAPI) settle(t *testing.T) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(25 * time.Millisecond) {
		var busy int64
		if err := e.db.Raw(`SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'discarded', 'cancelled')`).Scan(&busy).Error; err != nil {
			t.Fatal(err)
		}
		if busy == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d notifier jobs still running", busy)
		}
	}
}

// memberEmail is one received email, read as a mail client reads it.
type memberEmail struct {
	header           mail.Header
	subject          string
	text, html       string
	fromName, fromAt string
}

// emailTo waits for the nth (from 1) email to addr and reads it.
func (e *mailAPI) emailTo(t *testing.T, addr string, nth int) memberEmail {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var got []smtptest.Message
		for _, m := range e.sink.Messages() {
			for _, to := range m.To {
				if strings.EqualFold(to, addr) {
					got = append(got, m)
				}
			}
		}
		if len(got) >= nth {
			return parseMemberEmail(t, got[nth-1].Data)
		}
		if time.Now().After(deadline) {
			t.Fatalf("email %d to %s did not arrive (the sink has %d for it)", nth, addr, len(got))
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func parseMemberEmail(t *testing.T, raw []byte) memberEmail {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v", err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	e := memberEmail{header: msg.Header, subject: subject}
	if from, err := msg.Header.AddressList("From"); err == nil && len(from) == 1 {
		e.fromName, e.fromAt = from[0].Name, from[0].Address
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := parts.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p)
		switch ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type")); ct {
		case "text/plain":
			e.text = strings.ReplaceAll(string(body), "\r\n", "\n")
		case "text/html":
			e.html = string(body)
		}
	}
	if e.text == "" || e.html == "" {
		t.Fatalf("want a text and an HTML part:\n%s", raw)
	}
	return e
}

// link returns the token of the link after "label: " in the text part, and checks the
// HTML part carries the same link.
func (m memberEmail) link(t *testing.T, label, page string) string {
	t.Helper()
	re := regexp.MustCompile("(?m)^" + label + `: ` + regexp.QuoteMeta(mailBase+page) + `([A-Za-z0-9_-]{43})$`)
	got := re.FindStringSubmatch(m.text)
	if got == nil {
		t.Fatalf("no %q link to %s in:\n%s", label, page, m.text)
	}
	if !strings.Contains(m.html, `href="`+mailBase+page+got[1]+`"`) {
		t.Errorf("the HTML part does not link to the same page:\n%s", m.html)
	}
	return got[1]
}

// speaksAsTeam checks the email never names the software and is from the team.
func (m memberEmail) speaksAsTeam(t *testing.T, fromName string) {
	t.Helper()
	if m.fromName != fromName || m.fromAt != "noreply@acme.test" {
		t.Errorf("From = %q <%s>, want %q <noreply@acme.test>", m.fromName, m.fromAt, fromName)
	}
	for part, s := range map[string]string{"subject": m.subject, "text": m.text, "html": m.html} {
		if strings.Contains(strings.ToLower(s), "closeloop") {
			t.Errorf("the %s names the software, not the team:\n%s", part, s)
		}
	}
}
