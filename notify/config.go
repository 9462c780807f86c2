package notify

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config is what cmd passes to New. Zero values get the defaults noted.
type Config struct {
	// BaseURL is the absolute root of links in emails (unsubscribe, card page).
	BaseURL string
	// From is the From header (MAIL_FROM), default "noreply@localhost": the name is the workspace's sender_name.
	From string
	// SMTPURL is smtp://user:pass@host:port?tls=none|starttls|tls[&pool=N][&rate=R];
	// empty writes every message as an .eml file under DataDir/outbox instead.
	SMTPURL string
	// DataDir holds the outbox of the file mailer.
	DataDir string
	// Secret signs unsubscribe links and InstallationID names the List-Id. Both
	// default to the installation row in the database, shared by every replica.
	Secret         []byte
	InstallationID string

	// Connections is how many messages this process sends at once, each over its own
	// reused SMTP connection (default 4; SMTP_URL pool= overrides).
	Connections int
	// RatePerSecond caps sends per second for this process; 0 means no cap (rate=).
	RatePerSecond float64
	// BatchSize is how many deliveries make one send batch, the unit a sender leases
	// (default 100).
	BatchSize int
	// Lease is how long a leased batch stays with its sender before another process
	// may take it over (after a crash); default 20 s. A sender hands a batch back
	// after half of it.
	Lease time.Duration
	// PollInterval is how often idle senders look for due retries (default 1 s);
	// new work wakes them at once through LISTEN/NOTIFY.
	PollInterval time.Duration
	// SMTPTimeout bounds each SMTP command and the dial (default 10 s).
	SMTPTimeout time.Duration

	// Jobs are other packages' River work (e.g. imports), run by this notifier's
	// River client: one client per process must know every job kind, because River's
	// elected leader rescues stuck jobs of all queues and discards the kinds its own
	// client did not register.
	Jobs []Jobs
}

func (c Config) withDefaults() Config {
	if c.From == "" {
		c.From = "noreply@localhost"
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://127.0.0.1:8080"
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.DataDir == "" {
		c.DataDir = "./data"
	}
	if c.Connections <= 0 {
		c.Connections = 4
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 100
	}
	if c.Lease <= 0 {
		c.Lease = 20 * time.Second
	}
	if c.PollInterval <= 0 {
		c.PollInterval = time.Second
	}
	if c.SMTPTimeout <= 0 {
		c.SMTPTimeout = 10 * time.Second
	}
	return c
}

// SMTPSettings is a parsed SMTP_URL.
type SMTPSettings struct {
	Host     string
	Port     int
	Username string
	Password string
	TLS      string  // none, starttls or tls
	Pool     int     // 0 when not given in the URL
	Rate     float64 // 0 when not given in the URL
}

// ParseSMTPURL reads smtp://user:pass@host:port?tls=none|starttls|tls. Without tls=
// it means starttls (mandatory): plain text is only ever an explicit choice.
func ParseSMTPURL(raw string) (SMTPSettings, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return SMTPSettings{}, fmt.Errorf("SMTP_URL: %v", err)
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return SMTPSettings{}, fmt.Errorf("SMTP_URL: scheme must be smtp:// (or smtps://), not %q", u.Scheme)
	}
	s := SMTPSettings{Host: u.Hostname(), TLS: "starttls"}
	if u.Scheme == "smtps" {
		s.TLS = "tls"
	}
	if s.Host == "" {
		return SMTPSettings{}, fmt.Errorf("SMTP_URL: no host")
	}
	q := u.Query()
	if v := q.Get("tls"); v != "" {
		if v != "none" && v != "starttls" && v != "tls" {
			return SMTPSettings{}, fmt.Errorf("SMTP_URL: tls must be none, starttls or tls, not %q", v)
		}
		s.TLS = v
	}
	s.Port = map[string]int{"none": 25, "starttls": 587, "tls": 465}[s.TLS]
	if p := u.Port(); p != "" {
		if s.Port, err = strconv.Atoi(p); err != nil || s.Port < 1 || s.Port > 65535 {
			return SMTPSettings{}, fmt.Errorf("SMTP_URL: bad port %q", p)
		}
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	if v := q.Get("pool"); v != "" {
		if s.Pool, err = strconv.Atoi(v); err != nil || s.Pool < 1 || s.Pool > 256 {
			return SMTPSettings{}, fmt.Errorf("SMTP_URL: pool must be a number from 1 to 256")
		}
	}
	if v := q.Get("rate"); v != "" {
		if s.Rate, err = strconv.ParseFloat(v, 64); err != nil || s.Rate <= 0 {
			return SMTPSettings{}, fmt.Errorf("SMTP_URL: rate must be a positive number of messages per second")
		}
	}
	return s, nil
}

// Addr is host:port.
func (s SMTPSettings) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }
