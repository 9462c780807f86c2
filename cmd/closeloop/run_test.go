package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/migrations/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestConfigErrorsSayWhatToFix(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"CLOSELOOP_ADDR": "8080"}, "CLOSELOOP_ADDR"},
		{map[string]string{"CLOSELOOP_BASE_URL": "closeloop.example.com"}, "CLOSELOOP_BASE_URL"},
		{map[string]string{"DATABASE_URL": "mysql://x"}, "DATABASE_URL must be a postgres:// URL"},
		{map[string]string{"SMTP_URL": "http://mail"}, "SMTP_URL"},
		{map[string]string{"MAIL_FROM": "not an address"}, "MAIL_FROM"},
		{map[string]string{"CLOSELOOP_TRUSTED_PROXIES": "10.0.0.0/8,proxy.internal"}, `CLOSELOOP_TRUSTED_PROXIES: "proxy.internal" is not a CIDR`},
		{map[string]string{"CLOSELOOP_TRUSTED_PROXIES": "10.0.0.0/33"}, "CLOSELOOP_TRUSTED_PROXIES"},
		{map[string]string{"CLOSELOOP_LATE_EMAILS_PER_HOUR": "lots"}, "CLOSELOOP_LATE_EMAILS_PER_HOUR"},
		{map[string]string{"CLOSELOOP_LATE_EMAILS_PER_HOUR": "0"}, "CLOSELOOP_LATE_EMAILS_PER_HOUR"},
	}
	for _, tt := range tests {
		_, err := loadConfig(envFrom(tt.env))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("env %v: got %v, want an error mentioning %q", tt.env, err, tt.want)
		}
	}
	cfg, err := loadConfig(envFrom(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:8080" || cfg.BaseURL != "http://127.0.0.1:8080" || cfg.MailFrom != "noreply@localhost" || filepath.Base(cfg.DataDir) != "data" {
		t.Fatalf("defaults: %+v", cfg)
	}
	if cfg.LateEmailsPerHour != 100 {
		t.Fatalf("late emails per hour by default: %d, want 100", cfg.LateEmailsPerHour)
	}
	if cfg.TrustedProxies != nil {
		t.Fatalf("trusted proxies by default: %v, want none", cfg.TrustedProxies)
	}
	cfg, err = loadConfig(envFrom(map[string]string{"CLOSELOOP_TRUSTED_PROXIES": " 10.0.0.0/8, 192.0.2.10 ,2001:db8::/32,"}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range cfg.TrustedProxies {
		got = append(got, n.String())
	}
	if strings.Join(got, " ") != "10.0.0.0/8 192.0.2.10/32 2001:db8::/32" {
		t.Fatalf("CLOSELOOP_TRUSTED_PROXIES parsed as %v", got)
	}
}

// TestAppServesAndCLICreatesCredentials starts the app on port 0 against a fresh database,
// creates an admin and a token through the CLI, and uses the token.
func TestAppServesAndCLICreatesCredentials(t *testing.T) {
	ctx := context.Background()
	env := map[string]string{"DATABASE_URL": testdb.New(t), "CLOSELOOP_ADDR": "127.0.0.1:0", "CLOSELOOP_DATA_DIR": t.TempDir()}
	var out, errOut bytes.Buffer
	err := run(ctx, []string{"admin", "create", "--email", "ada@example.com", "--name", "Ada", "--password-stdin"},
		envFrom(env), strings.NewReader("a long password\n"), &out, &errOut)
	if err != nil || !strings.Contains(out.String(), "created admin Ada") {
		t.Fatalf("admin create: %v %s %s", err, out.String(), errOut.String())
	}
	err = run(ctx, []string{"admin", "create", "--email", "bo@example.com", "--name", "Bo", "--password-stdin"},
		envFrom(env), strings.NewReader("short\n"), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "password") {
		t.Fatalf("short password: got %v, want a message about the password", err)
	}
	out.Reset()
	if err := run(ctx, []string{"token", "create", "--name", "ci", "--role", "editor"}, envFrom(env), nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(out.String())

	cfg, err := loadConfig(envFrom(env))
	if err != nil {
		t.Fatal(err)
	}
	a, err := startApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close(ctx)
	base := "http://" + a.Addr()
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200, "/api/openapi.json": 200, "/": 200, "/api/v1/session": 401} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, res.StatusCode, want)
		}
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/session", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var sess struct{ Member struct{ Role string } }
	if err := json.NewDecoder(res.Body).Decode(&sess); err != nil {
		t.Fatalf("GET /api/v1/session with the CLI's token: %v", err)
	}
	if res.StatusCode != 200 || sess.Member.Role != "editor" {
		t.Fatalf("token from the CLI: status %d, role %q", res.StatusCode, sess.Member.Role)
	}
}
