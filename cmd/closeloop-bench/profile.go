package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// profile records a CPU profile of the server for d (when -pprof DIR is given) into
// DIR/name.prof; the returned func waits for it. Read it with `go tool pprof`.
func (s *server) profile(ctx context.Context, name string, d time.Duration) (wait func()) {
	if s.pprofAddr == "" {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := s.saveProfile(ctx, name, d); err != nil {
			logf("profile %s: %v", name, err)
		}
	}()
	return func() { <-done }
}

func (s *server) saveProfile(ctx context.Context, name string, d time.Duration) error {
	dir := s.h.opts.Pprof
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	url := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", s.pprofAddr, max(1, int(d.Seconds())))
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	res, err := (&http.Client{Timeout: d + time.Minute}).Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, res.Status)
	}
	path := filepath.Join(dir, name+".prof")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(f, res.Body); err != nil {
		return err
	}
	logf("CPU profile of the server: %s (go tool pprof -top %s %s)", path, s.h.bin, path)
	return nil
}
