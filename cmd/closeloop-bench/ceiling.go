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
// (notify.NewGoMailClient) and as many connections as the notifier uses.
type ceiling struct {
	Messages     int       `json:"messages"`
	Connections  int       `json:"connections"`
	MessageBytes int       `json:"message_bytes"`
	Runs         []float64 `json:"runs_mails_per_second"`
	MailsPerSec  float64   `json:"mails_per_second"` // median of Runs
}

// measureCeiling sends n messages like tmpl to sink over conns connections and
// returns mails/s.
func measureCeiling(ctx context.Context, tmpl shippedEmail, sink *smtptest.Sink, n, conns int) (float64, error) {
	set, err := notify.ParseSMTPURL(sink.URL())
	if err != nil {
		return 0, err
	}
	client, err := notify.NewGoMailClient(set, 10*time.Second)
	if err != nil {
		return 0, err
	}
	msgs := make(chan *mail.Msg, n)
	for i := range n {
		m, err := ceilingMessage(tmpl, i)
		if err != nil {
			return 0, err
		}
		msgs <- m
	}
	close(msgs)
	before := sink.Total()
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
			defer client.CloseWithSMTPClient(c) //nolint:errcheck
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
	if got := sink.Total() - before; got != n {
		return 0, fmt.Errorf("raw go-mail: the sink accepted %d of %d", got, n)
	}
	return float64(n) / took.Seconds(), nil
}

// ceilingMessage is message i built the way the notifier builds one (notify/message.go).
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
