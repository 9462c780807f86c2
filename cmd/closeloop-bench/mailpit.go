package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// mailpit is a Mailpit process (github.com/axllent/mailpit) of the mail check: a real
// inbox whose API runs its HTML check (caniemail data) and link check on a message.
type mailpit struct {
	cmd  *exec.Cmd
	smtp string // host:port
	api  string // http://host:port
	http *http.Client
}

// startMailpit runs bin on free loopback ports with a database in the harness's temp
// dir, and waits until its API answers.
func (h *harness) startMailpit(ctx context.Context, bin string) (*mailpit, error) {
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, fmt.Errorf("mailpit %q not found (install it: go install github.com/axllent/mailpit@v1.27.11): %w", bin, err)
	}
	smtpAddr, err := freePort()
	if err != nil {
		return nil, err
	}
	httpAddr, err := freePort()
	if err != nil {
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(h.tmp, "mailpit.log"))
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	m := &mailpit{smtp: smtpAddr, api: "http://" + httpAddr, http: &http.Client{Timeout: time.Minute}}
	m.cmd = exec.Command(path, "--smtp", smtpAddr, "--listen", httpAddr, "--database", filepath.Join(h.tmp, "mailpit.db"))
	m.cmd.Stdout, m.cmd.Stderr = logFile, logFile
	if err := m.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", path, err)
	}
	logf("mailpit %s: SMTP %s, API %s (log %s)", path, smtpAddr, m.api, logFile.Name())
	deadline := time.Now().Add(30 * time.Second)
	for {
		var info struct{ Version string }
		if err := m.get(ctx, "/api/v1/info", &info); err == nil {
			return m, nil
		} else if time.Now().After(deadline) {
			m.stop()
			return nil, fmt.Errorf("mailpit did not answer within 30 s: %w (log %s)", err, logFile.Name())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (m *mailpit) stop() {
	if m.cmd.Process != nil {
		_ = m.cmd.Process.Signal(syscall.SIGTERM)
		_ = m.cmd.Wait()
	}
}

func (m *mailpit) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.api+path, nil)
	if err != nil {
		return err
	}
	res, err := m.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, res.Status)
	}
	return json.NewDecoder(res.Body).Decode(out)
}

// mailpitMessage is a message of Mailpit's list.
type mailpitMessage struct {
	ID      string
	Subject string
	To      []struct{ Address string }
}

// messages waits until Mailpit holds n messages and returns them.
func (m *mailpit) messages(ctx context.Context, n int, timeout time.Duration) ([]mailpitMessage, error) {
	deadline := time.Now().Add(timeout)
	for {
		var list struct{ Messages []mailpitMessage }
		if err := m.get(ctx, "/api/v1/messages?limit=100", &list); err != nil {
			return nil, err
		}
		if len(list.Messages) >= n {
			return list.Messages, nil
		}
		if time.Now().After(deadline) {
			return list.Messages, errors.New("mailpit received " + fmt.Sprint(len(list.Messages)) + " of " + fmt.Sprint(n) + " emails in " + timeout.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// htmlCheck is what Mailpit's HTML check says about a message.
type htmlCheck struct {
	Total struct {
		Supported, Partial, Unsupported float64
		Nodes, Tests                    int
	}
	Warnings []struct {
		Slug  string
		Title string
		Score struct {
			Found                           int
			Supported, Partial, Unsupported float64
		}
	}
}

// linkCheck is what Mailpit's link check (a HEAD request per link) says.
type linkCheck struct {
	Errors int
	Links  []struct {
		URL        string
		StatusCode int
		Status     string
	}
}

// defaultMailpit is mailpit on the PATH, else where go install puts it.
func defaultMailpit() string {
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		home, _ := os.UserHomeDir()
		gopath = filepath.Join(home, "go")
	}
	return filepath.Join(gopath, "bin", "mailpit")
}
