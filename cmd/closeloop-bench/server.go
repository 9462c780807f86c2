package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

// serverConfig is the environment of one `closeloop serve` process.
type serverConfig struct {
	Name        string // names the log file and data dir
	DatabaseURL string
	SMTPURL     string
	Addr        string   // empty: a free loopback port
	Env         []string // extra KEY=value
}

// server is one running `closeloop serve` process.
type server struct {
	h       *harness
	cfg     serverConfig
	cmd     *exec.Cmd
	URL     string // http://127.0.0.1:port
	LogPath string
	done    chan struct{} // closed when the process exited
	exited  atomic.Bool

	pprofAddr string // CLOSELOOP_PPROF_ADDR when -pprof is given
}

var serverSeq atomic.Int32

// startServer runs the binary and waits until /readyz answers 200 (migrations applied).
func (h *harness) startServer(ctx context.Context, cfg serverConfig) (*server, error) {
	if cfg.Addr == "" {
		addr, err := freePort()
		if err != nil {
			return nil, err
		}
		cfg.Addr = addr
	}
	n := serverSeq.Add(1)
	logPath := filepath.Join(h.tmp, fmt.Sprintf("%s-%d.log", cfg.Name, n))
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(h.bin, "serve")
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"),
		"DATABASE_URL=" + cfg.DatabaseURL, "CLOSELOOP_ADDR=" + cfg.Addr,
		"CLOSELOOP_DATA_DIR=" + filepath.Join(h.tmp, "data-"+cfg.Name),
		"SMTP_URL=" + cfg.SMTPURL, "MAIL_FROM=Acme Product Team <product@acme.test>",
	}, append(cfg.Env, h.opts.ServerEnv...)...)
	var pprofAddr string
	if h.opts.Pprof != "" {
		if pprofAddr, err = freePort(); err != nil {
			return nil, err
		}
		cmd.Env = append(cmd.Env, "CLOSELOOP_PPROF_ADDR="+pprofAddr)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if h.opts.Verbose {
		w := io.MultiWriter(logFile, os.Stderr)
		cmd.Stdout, cmd.Stderr = w, w
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", h.bin, err)
	}
	s := &server{h: h, cfg: cfg, cmd: cmd, URL: "http://" + cfg.Addr, LogPath: logPath, done: make(chan struct{}), pprofAddr: pprofAddr}
	go func() {
		cmd.Wait() //nolint:errcheck // the exit status is not interesting: we stop or kill it
		logFile.Close()
		s.exited.Store(true)
		close(s.done)
	}()
	h.mu.Lock()
	h.servers = append(h.servers, s)
	h.mu.Unlock()
	if err := s.waitReady(ctx, 90*time.Second); err != nil {
		s.kill()
		return nil, fmt.Errorf("%s did not become ready (log: %s): %w", cfg.Name, logPath, err)
	}
	return s, nil
}

// restart starts a new process with the same configuration and address.
func (s *server) restart(ctx context.Context) (*server, error) {
	return s.h.startServer(ctx, s.cfg)
}

func (s *server) PID() int { return s.cmd.Process.Pid }

func (s *server) waitReady(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: 2 * time.Second}
	for time.Now().Before(deadline) {
		if s.exited.Load() {
			return fmt.Errorf("the process exited")
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+"/readyz", nil)
		if res, err := client.Do(req); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("not ready after %v", timeout)
}

// kill is kill -9: no shutdown, no goodbye to the database or the SMTP server.
func (s *server) kill() {
	if !s.exited.Load() {
		s.cmd.Process.Signal(syscall.SIGKILL) //nolint:errcheck // it may have exited meanwhile
	}
	<-s.done
}

// stop asks for a graceful shutdown and waits for it (kill -9 after 30 s).
func (s *server) stop() {
	if s.exited.Load() {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM) //nolint:errcheck // it may have exited meanwhile; done tells
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		logf("%s did not stop within 30 s; killing it", s.cfg.Name)
		s.kill()
	}
}

// freePort asks the kernel for a free loopback port. Another process could take it
// before the server binds it; on this machine that is unlikely, and startServer would
// then fail loudly rather than measure the wrong thing.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// notifierConnections reads how many SMTP connections the server's notifier uses
// from its start-up log line ("notifier started ... connections=N").
func (s *server) notifierConnections() (int, error) {
	b, err := os.ReadFile(s.LogPath)
	if err != nil {
		return 0, err
	}
	m := regexp.MustCompile(`notifier started.* connections=(\d+)`).FindSubmatch(b)
	if m == nil {
		return 0, fmt.Errorf("no 'notifier started ... connections=N' line in %s", s.LogPath)
	}
	return strconv.Atoi(string(m[1]))
}
