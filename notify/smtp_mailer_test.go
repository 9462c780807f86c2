package notify

import (
	"errors"
	"testing"
	"time"

	mail "github.com/wneessen/go-mail"

	"github.com/closeloop/closeloop/notify/smtptest"
)

func TestParseSMTPURL(t *testing.T) {
	tests := []struct {
		raw  string
		want SMTPSettings
		bad  bool
	}{
		{raw: "smtp://localhost:1025?tls=none", want: SMTPSettings{Host: "localhost", Port: 1025, TLS: "none"}},
		{raw: "smtp://mail.example.com", want: SMTPSettings{Host: "mail.example.com", Port: 587, TLS: "starttls"}},
		{raw: "smtp://u%40x:p%3Ass@mail.example.com:2525?tls=tls&pool=8&rate=12.5",
			want: SMTPSettings{Host: "mail.example.com", Port: 2525, TLS: "tls", Username: "u@x", Password: "p:ss", Pool: 8, Rate: 12.5}},
		{raw: "smtps://mail.example.com", want: SMTPSettings{Host: "mail.example.com", Port: 465, TLS: "tls"}},
		{raw: "smtp://mail.example.com?tls=none", want: SMTPSettings{Host: "mail.example.com", Port: 25, TLS: "none"}},
		{raw: "http://mail.example.com", bad: true},
		{raw: "smtp://:25", bad: true},
		{raw: "smtp://mail.example.com?tls=maybe", bad: true},
		{raw: "smtp://mail.example.com:99999", bad: true},
		{raw: "smtp://mail.example.com?pool=0", bad: true},
		{raw: "smtp://mail.example.com?rate=-1", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseSMTPURL(tt.raw)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseSMTPURL(%q) = %+v, want an error", tt.raw, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSMTPURL(%q) = %+v, %v; want %+v", tt.raw, got, err, tt.want)
		}
	}
}

// classify reads the errors go-mail really returns for each kind of answer.
func TestClassifySendErrors(t *testing.T) {
	sink, err := smtptest.Start(smtptest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	set, _ := ParseSMTPURL(sink.URL())
	m, err := newSMTPMailer(set, 1, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	msg := func(to string) *mail.Msg {
		x := mail.NewMsg()
		if err := x.From("a@example.com"); err != nil {
			t.Fatal(err)
		}
		if err := x.To(to); err != nil {
			t.Fatal(err)
		}
		x.SetBodyString(mail.TypeTextPlain, "hi")
		return x
	}
	sink.Reject("gone@example.com")
	rejected := m.Send(t.Context(), msg("gone@example.com"))
	sink.SetTempFail(true)
	later := m.Send(t.Context(), msg("ok@example.com"))
	sink.SetTempFail(false)
	refused := func() error {
		set := set
		set.Port = 1
		down, _ := newSMTPMailer(set, 1, time.Second)
		return down.Send(t.Context(), msg("ok@example.com"))
	}()
	tests := []struct {
		name string
		err  error
		want verdict
	}{
		{"550 5.1.1 at RCPT", rejected, verdict{badMailbox: true}},
		{"451 after DATA", later, verdict{temporary: true, serverWide: true}},
		{"connection refused", refused, verdict{temporary: true, serverWide: true}},
		{"any other error", errors.New("boom"), verdict{temporary: true, serverWide: true}},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error to classify", tt.name)
			continue
		}
		if got := classify(tt.err); got != tt.want {
			t.Errorf("%s (%v): classify = %+v, want %+v", tt.name, tt.err, got, tt.want)
		}
	}
	if err := m.Send(t.Context(), msg("ok@example.com")); err != nil {
		t.Errorf("the connection is unusable after the failures: %v", err)
	}
	for _, tt := range []struct {
		code     int
		enhanced string
		want     bool
	}{{550, "5.1.1", true}, {550, "5.7.1", false}, {550, "", true}, {553, "", true}, {554, "", false}, {552, "5.2.2", false}} {
		if got := isBadMailbox(tt.code, tt.enhanced); got != tt.want {
			t.Errorf("isBadMailbox(%d, %q) = %v, want %v", tt.code, tt.enhanced, got, tt.want)
		}
	}
}

// A server that closes idle connections (as real ones do) costs nothing: the mailer
// dials again before MAIL FROM got an answer, so nothing is sent twice or counted
// as a failed attempt. With credentials in the URL it authenticates.
func TestSMTPReconnectsAndAuthenticates(t *testing.T) {
	e := newEnv(t, smtptest.Options{IdleTimeout: 300 * time.Millisecond, Username: "closeloop", Password: "s3cret"}, nil)
	e.start()
	first := e.card("Reconnect", "")
	e.requesters(first, "idle", 4)
	e.ship(first)
	e.settle(first, 4, 10*time.Second)
	time.Sleep(800 * time.Millisecond) // the sink has closed every connection by now

	second := e.card("Reconnect again", "")
	e.requesters(second, "again", 4)
	e.ship(second)
	e.settle(second, 4, 10*time.Second)
	if got := e.count(`SELECT count(*) FROM deliveries WHERE status = 'sent' AND attempts = 1`); got != 8 {
		t.Errorf("%d deliveries sent at the first attempt, want 8", got)
	}
	if got := e.sink.Total(); got != 8 {
		t.Errorf("sink accepted %d, want 8", got)
	}
	if e.sink.Connections() < 2 {
		t.Errorf("sink saw %d connections; the test did not exercise a reconnect", e.sink.Connections())
	}
}
