package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	mail "github.com/wneessen/go-mail"
)

// fileMailer is the default when no SMTP server is configured: each message becomes
// <data dir>/outbox/<UTC time>-<random>.eml, so `ls` lists them in sending order and
// any mail client opens them.
type fileMailer struct {
	dir string
}

func newFileMailer(dataDir string) (*fileMailer, error) {
	dir := filepath.Join(dataDir, "outbox")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("notify: create the outbox: %w", err)
	}
	return &fileMailer{dir: dir}, nil
}

func (f *fileMailer) Name() string { return "files in " + f.dir }

// Send writes under a temporary name and renames, so a reader never sees half a
// message, and syncs before the rename so "accepted" survives a power cut.
func (f *fileMailer) Send(ctx context.Context, msg *mail.Msg) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	suffix := make([]byte, 4)
	rand.Read(suffix) // never fails (Go 1.24+ crashes instead), which errcheck knows
	name := time.Now().UTC().Format("20060102T150405.000000000Z") + "-" + hex.EncodeToString(suffix) + ".eml"
	tmp, err := os.CreateTemp(f.dir, ".writing-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails after the rename: nothing left to remove
	if _, err := msg.WriteTo(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(f.dir, name))
}

func (f *fileMailer) Close() error { return nil }
