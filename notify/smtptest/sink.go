// Package smtptest runs a real SMTP server (go-smtp over TCP on 127.0.0.1) that records
// what it accepts and can fail on purpose: temporary 4xx answers for a while, permanent
// 5xx answers for chosen addresses, and a delay per message. Tests and the benchmark
// program use it as the "mail provider".
package smtptest

import (
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// Message is one accepted message.
type Message struct {
	From string
	To   []string
	Data []byte
	UTF8 bool // MAIL FROM asked for SMTPUTF8
}

// Options configure a Sink.
type Options struct {
	// KeepMessages stores the accepted messages' bytes (Messages). Off for large runs:
	// counts are always kept.
	KeepMessages bool
	// Username and Password, when set, require AUTH PLAIN with them.
	Username, Password string
	// SMTPUTF8 advertises the SMTPUTF8 extension (RFC 6531): addresses with
	// non-ASCII local parts. Without it, MAIL FROM … SMTPUTF8 is refused (504).
	SMTPUTF8 bool
	// IdleTimeout closes connections that say nothing for this long (default a
	// minute), as real servers do.
	IdleTimeout time.Duration
}

// Sink is a running SMTP server. Its methods are safe for concurrent use.
type Sink struct {
	Addr string // host:port it listens on

	server *smtp.Server
	opts   Options

	mu        sync.Mutex
	counts    map[string]int // accepted messages per recipient (lower-case)
	total     int
	messages  []Message
	tempFail  bool
	reject    map[string]bool
	delay     time.Duration
	attempts  int // DATA commands received, accepted or not
	changed   chan struct{}
	connected int // connections opened so far
}

// Start listens on 127.0.0.1 on a free port and serves until Close.
func Start(opts Options) (*Sink, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Sink{Addr: ln.Addr().String(), opts: opts, counts: map[string]int{}, reject: map[string]bool{}, changed: make(chan struct{})}
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.Domain = "sink.test"
	srv.AllowInsecureAuth = true
	srv.EnableSMTPUTF8 = opts.SMTPUTF8
	srv.MaxMessageBytes = 10 << 20
	srv.ReadTimeout = time.Minute
	if opts.IdleTimeout > 0 {
		srv.ReadTimeout = opts.IdleTimeout
	}
	srv.WriteTimeout = time.Minute
	srv.ErrorLog = log.New(io.Discard, "", 0)
	s.server = srv
	go srv.Serve(ln) //nolint:errcheck // returns ErrServerClosed when the test closes the sink
	return s, nil
}

// Close stops the server and drops its connections.
func (s *Sink) Close() error { return s.server.Close() }

// Host and Port split Addr.
func (s *Sink) Host() string { h, _, _ := net.SplitHostPort(s.Addr); return h }
func (s *Sink) Port() string { _, p, _ := net.SplitHostPort(s.Addr); return p }

// URL is an SMTP_URL for this sink (plain, no TLS).
func (s *Sink) URL() string {
	auth := ""
	if s.opts.Username != "" {
		auth = s.opts.Username + ":" + s.opts.Password + "@"
	}
	return "smtp://" + auth + s.Addr + "?tls=none"
}

// SetTempFail makes every message answer 451 after its data (on) or be accepted (off).
func (s *Sink) SetTempFail(on bool) { s.mu.Lock(); s.tempFail = on; s.mu.Unlock() }

// Reject makes RCPT TO answer 550 5.1.1 for addr from now on.
func (s *Sink) Reject(addr string) {
	s.mu.Lock()
	s.reject[strings.ToLower(addr)] = true
	s.mu.Unlock()
}

// SetDelay adds d before answering each message's data (a slow provider).
func (s *Sink) SetDelay(d time.Duration) { s.mu.Lock(); s.delay = d; s.mu.Unlock() }

// Count is how many messages were accepted for addr.
func (s *Sink) Count(addr string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[strings.ToLower(addr)]
}

// Counts returns a copy of the per-recipient counts.
func (s *Sink) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// Total is how many messages were accepted.
func (s *Sink) Total() int { s.mu.Lock(); defer s.mu.Unlock(); return s.total }

// Attempts is how many message bodies were received, including refused ones.
func (s *Sink) Attempts() int { s.mu.Lock(); defer s.mu.Unlock(); return s.attempts }

// Connections is how many SMTP connections were opened.
func (s *Sink) Connections() int { s.mu.Lock(); defer s.mu.Unlock(); return s.connected }

// Messages returns the accepted messages (only with KeepMessages).
func (s *Sink) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// WaitTotal waits until at least n messages were accepted, or timeout; it reports
// whether n was reached.
func (s *Sink) WaitTotal(n int, timeout time.Duration) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		total, changed := s.total, s.changed
		s.mu.Unlock()
		if total >= n {
			return true
		}
		select {
		case <-changed:
		case <-deadline.C:
			return false
		}
	}
}

func (s *Sink) newSession(c *smtp.Conn) (smtp.Session, error) {
	s.mu.Lock()
	s.connected++
	s.mu.Unlock()
	return &session{sink: s}, nil
}

// accept records a message; it is called with the data already read.
func (s *Sink) accept(from string, to []string, data []byte, utf8 bool) error {
	s.mu.Lock()
	s.attempts++
	delay, temp := s.delay, s.tempFail
	s.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}
	if temp {
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, addr := range to {
		s.counts[strings.ToLower(addr)]++
	}
	s.total++
	if s.opts.KeepMessages {
		s.messages = append(s.messages, Message{From: from, To: to, Data: data, UTF8: utf8})
	}
	close(s.changed)
	s.changed = make(chan struct{})
	return nil
}
