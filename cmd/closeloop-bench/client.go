package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// createToken runs `closeloop token create` against the database, as an operator would.
func (h *harness) createToken(ctx context.Context, databaseURL string) (string, error) {
	cmd := exec.CommandContext(ctx, h.bin, "token", "create", "--name", "closeloop-bench", "--role", "admin")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"),
		"DATABASE_URL=" + databaseURL, "CLOSELOOP_DATA_DIR=" + filepath.Join(h.tmp, "data-cli"),
		"CLOSELOOP_LOG_LEVEL=warn"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("closeloop token create: %w: %s", err, stderr.String())
	}
	return strings.TrimSpace(string(out)), nil
}

// apiClient calls the REST API with a bearer token over kept-alive connections.
type apiClient struct {
	base  string
	token string
	http  *http.Client
}

func newAPIClient(base, token string, conns int) *apiClient {
	t := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		IdleConnTimeout: time.Minute, DisableCompression: true}
	return &apiClient{base: base, token: token, http: &http.Client{Transport: t, Timeout: 30 * time.Second}}
}

// do sends one request and returns the status and body; err is a transport error.
func (c *apiClient) do(ctx context.Context, method, path string, body any) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

// get reads a GET answer into buf (reset first), reused across calls by a load
// client: the load generator shares the machine with the server.
func (c *apiClient) get(ctx context.Context, path string, buf *bytes.Buffer) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	res, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	buf.Reset()
	_, err = buf.ReadFrom(res.Body)
	return res.StatusCode, err
}

// call expects a 2xx answer and decodes it into out (when not nil).
func (c *apiClient) call(ctx context.Context, method, path string, body, out any) error {
	status, b, err := c.do(ctx, method, path, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if status/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, path, status, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}
