package main

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/webhooks"
)

// config is everything read from the environment (see the table in README.md).
type config struct {
	DatabaseURL string // empty: find or start a local PostgreSQL
	Addr        string
	BaseURL     string
	DataDir     string
	SMTPURL     string // empty: write .eml files under DataDir/outbox
	MailFrom    string
	PprofAddr   string // CLOSELOOP_PPROF_ADDR: serve /debug/pprof there (profiling only; unset in production)
	// TrustedProxies (CLOSELOOP_TRUSTED_PROXIES) may name the client in X-Forwarded-For.
	TrustedProxies []*net.IPNet
	// LateEmailsPerHour (CLOSELOOP_LATE_EMAILS_PER_HOUR): links of new requesters to
	// shipped cards, each emailing them at once, one member or token may make in an hour.
	LateEmailsPerHour int
	// WebhookRetry (CLOSELOOP_WEBHOOK_RETRY) is the wait before each retry of an
	// outbound webhook; WebhookAllowPrivate (CLOSELOOP_WEBHOOK_ALLOW_PRIVATE=true) lets
	// webhooks call loopback, private and link-local addresses.
	WebhookRetry        []time.Duration
	WebhookAllowPrivate bool
}

func loadConfig(getenv func(string) string) (config, error) {
	cfg := config{
		DatabaseURL: getenv("DATABASE_URL"),
		Addr:        orDefault(getenv("CLOSELOOP_ADDR"), "127.0.0.1:8080"),
		BaseURL:     getenv("CLOSELOOP_BASE_URL"),
		DataDir:     orDefault(getenv("CLOSELOOP_DATA_DIR"), "./data"),
		SMTPURL:     getenv("SMTP_URL"),
		MailFrom:    orDefault(getenv("MAIL_FROM"), "noreply@localhost"),
		PprofAddr:   getenv("CLOSELOOP_PPROF_ADDR"),
	}
	var problems []string
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		problems = append(problems, fmt.Sprintf("CLOSELOOP_ADDR=%q is not host:port (e.g. 127.0.0.1:8080 or :8080)", cfg.Addr))
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://" + displayAddr(cfg.Addr)
	}
	if u, err := url.Parse(cfg.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		problems = append(problems, fmt.Sprintf("CLOSELOOP_BASE_URL=%q must be an absolute http(s) URL such as https://closeloop.example.com", cfg.BaseURL))
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.DatabaseURL != "" {
		if u, err := url.Parse(cfg.DatabaseURL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			problems = append(problems, "DATABASE_URL must be a postgres:// URL such as postgres://user:pass@localhost:5432/closeloop")
		}
	}
	if cfg.SMTPURL != "" {
		if u, err := url.Parse(cfg.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
			problems = append(problems, "SMTP_URL must look like smtp://user:pass@host:587?tls=starttls (tls=none|starttls|tls)")
		}
	}
	if _, err := mail.ParseAddress(cfg.MailFrom); err != nil {
		problems = append(problems, fmt.Sprintf("MAIL_FROM=%q is not an address like 'Acme Support <noreply@example.com>'", cfg.MailFrom))
	}
	cfg.LateEmailsPerHour = domain.DefaultLimits.LateEmailsPerHour
	if v := getenv("CLOSELOOP_LATE_EMAILS_PER_HOUR"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000000 {
			problems = append(problems, fmt.Sprintf("CLOSELOOP_LATE_EMAILS_PER_HOUR=%q must be a whole number from 1 to 1000000 (default %d)", v, cfg.LateEmailsPerHour))
		}
		cfg.LateEmailsPerHour = n
	}
	var err error
	if cfg.WebhookRetry, err = webhooks.ParseRetry(orDefault(getenv("CLOSELOOP_WEBHOOK_RETRY"), webhooks.DefaultRetry)); err != nil {
		problems = append(problems, fmt.Sprintf("CLOSELOOP_WEBHOOK_RETRY: %v; give comma-separated Go durations (default %s)", err, webhooks.DefaultRetry))
	}
	switch v := getenv("CLOSELOOP_WEBHOOK_ALLOW_PRIVATE"); v {
	case "", "false":
	case "true":
		cfg.WebhookAllowPrivate = true
	default:
		problems = append(problems, fmt.Sprintf("CLOSELOOP_WEBHOOK_ALLOW_PRIVATE=%q must be true or false (default false)", v))
	}
	if cfg.TrustedProxies, err = parseTrustedProxies(getenv("CLOSELOOP_TRUSTED_PROXIES")); err != nil {
		problems = append(problems, err.Error())
	}
	if abs, err := filepath.Abs(cfg.DataDir); err == nil {
		cfg.DataDir = abs
	}
	if len(problems) > 0 {
		return cfg, fmt.Errorf("configuration:\n  %s", strings.Join(problems, "\n  "))
	}
	return cfg, nil
}

// parseTrustedProxies reads comma-separated CIDRs; a bare address means just that one.
func parseTrustedProxies(v string) ([]*net.IPNet, error) {
	var nets []*net.IPNet
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if ip := net.ParseIP(part); ip != nil {
			bits := 8 * len(ip.To16())
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			nets = append(nets, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			return nil, fmt.Errorf("CLOSELOOP_TRUSTED_PROXIES: %q is not a CIDR; list your proxies' addresses, comma-separated, e.g. 10.0.0.0/8,192.0.2.10/32", part)
		}
		nets = append(nets, n)
	}
	return nets, nil
}

// displayAddr turns ":8080" into "localhost:8080" for links.
func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
