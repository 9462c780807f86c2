package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"

	"github.com/closeloop/closeloop/notify"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// ceiling is the raw ceiling: go-mail alone, no database, no server, sending
// prebuilt copies of a real shipped email over the notifier's own client settings
// (notify.NewGoMailClient) and as many connections as the notifier uses. It runs in
// a process of its own (this program, as "ceiling-send"), as the server's notifier
// does: the path measured is the same one, process to sink process over loopback.
// The same sends from inside this process, beside the sink, are measured too, for
// context: goroutines of one process hand each other the SMTP round trips more
// cheaply than two processes can.
type ceiling struct {
	Messages     int       `json:"messages"`
	Connections  int       `json:"connections"`
	MessageBytes int       `json:"message_bytes"`
	Runs         []float64 `json:"runs_mails_per_second"`
	MailsPerSec  float64   `json:"mails_per_second"` // median of Runs
	// SenderCPUms is the sending process's CPU per mail (go-mail alone).
	SenderCPUms     []float64 `json:"sender_cpu_ms_per_mail"`
	InProcessRuns   []float64 `json:"in_process_runs_mails_per_second"`
	InProcessPerSec float64   `json:"in_process_mails_per_second"`
}

// measureCeiling sends n messages like tmpl to sink over conns connections from
// this process and returns mails/s.
func measureCeiling(ctx context.Context, tmpl shippedEmail, sink *smtptest.Sink, n, conns int) (float64, error) {
	msgs, err := ceilingMessages(tmpl, n)
	if err != nil {
		return 0, err
	}
	before := sink.Total()
	rate, err := sendCeiling(ctx, sink.URL(), msgs, conns)
	if err != nil {
		return 0, err
	}
	if got := sink.Total() - before; got != n {
		return 0, fmt.Errorf("raw go-mail: the sink accepted %d of %d", got, n)
	}
	return rate, nil
}

func ceilingMessages(tmpl shippedEmail, n int) (chan *mail.Msg, error) {
	msgs := make(chan *mail.Msg, n)
	for i := range n {
		m, err := ceilingMessage(tmpl, i)
		if err != nil {
			return nil, err
		}
		msgs <- m
	}
	close(msgs)
	return msgs, nil
}

// sendCeiling sends every message of msgs over conns connections, each dialled
// with the notifier's client settings, and returns mails/s.
func sendCeiling(ctx context.Context, smtpURL string, msgs chan *mail.Msg, conns int) (float64, error) {
	set, err := notify.ParseSMTPURL(smtpURL)
	if err != nil {
		return 0, err
	}
	client, err := notify.NewGoMailClient(set, 10*time.Second)
	if err != nil {
		return 0, err
	}
	n := len(msgs)
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, conns)
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := client.DialToSMTPClientWithContext(ctx)
			if err != nil {
				errs <- err
				return
			}
			defer client.CloseWithSMTPClient(c) //nolint:errcheck // QUIT after the measured sends
			for m := range msgs {
				if err := client.SendWithSMTPClient(c, m); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	close(errs)
	if err := <-errs; err != nil {
		return 0, fmt.Errorf("raw go-mail send: %w", err)
	}
	return float64(n) / took.Seconds(), nil
}

// ceilingMessage is message i built the way the notifier builds one (notify/email/message.go).
func ceilingMessage(t shippedEmail, i int) (*mail.Msg, error) {
	m := mail.NewMsg(mail.WithNoDefaultUserAgent())
	if err := m.From("Acme Product Team <product@acme.test>"); err != nil {
		return nil, err
	}
	if err := m.AddToFormat(fmt.Sprintf("Ceiling %d", i), fmt.Sprintf("ceiling-%d@example.test", i)); err != nil {
		return nil, err
	}
	m.Subject(t.Subject)
	m.SetMessageIDWithValue(uuid.NewString() + "@acme.test")
	m.SetDate()
	m.SetGenHeader("Auto-Submitted", t.Headers["Auto-Submitted"])
	m.SetGenHeaderPreformatted("List-Id", t.Headers["List-Id"])
	m.SetGenHeaderPreformatted(mail.HeaderListUnsubscribe, t.Headers["List-Unsubscribe"])
	m.SetGenHeaderPreformatted(mail.HeaderListUnsubscribePost, t.Headers["List-Unsubscribe-Post"])
	m.SetBodyString(mail.TypeTextPlain, t.Text)
	m.AddAlternativeString(mail.TypeTextHTML, t.HTML)
	return m, nil
}
