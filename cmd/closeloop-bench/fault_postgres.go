package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// faultPostgresRestart restarts PostgreSQL (pg_ctlcluster ... restart: every
// connection dropped) while a card's emails go out and while API clients write.
// The same server process must recover by itself, every write it answered 2xx must be
// in the database afterwards, and every requester must get their email.
func faultPostgresRestart(ctx context.Context, h *harness, cfg faultConfig, res *faultResult) error {
	s, err := h.newShipEnv(ctx, "postgres", "pg", cfg.N, smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	conns, err := s.srv.notifierConnections()
	if err != nil {
		return err
	}
	// The restart (a checkpoint, then start-up) takes seconds; slow the sink so the
	// fan-out spans about 30 s and the restart lands in the middle of it.
	s.sink.SetDelay(30 * time.Second * time.Duration(conns) / time.Duration(cfg.N))
	card, err := s.card(ctx, "Ships through a database restart", cfg.N)
	if err != nil {
		return err
	}
	writes, err := s.card(ctx, "Collects requests during a database restart", 0)
	if err != nil {
		return err
	}
	pid := s.srv.PID()
	load := startWriteLoad(ctx, s.api, writes, 4)
	if _, err := s.ship(ctx, card); err != nil {
		load.stop()
		return err
	}
	if !s.waitAccepted(cfg.N*3/10, 3*time.Minute) {
		load.stop()
		return fmt.Errorf("the sink accepted only %d emails before the restart", s.sink.Total())
	}
	took, err := restartPostgres(ctx)
	if err != nil {
		load.stop()
		return err
	}
	restarted := time.Now()
	if err := waitPostgres(ctx, h.admin, 30*time.Second); err != nil {
		load.stop()
		return err
	}
	res.note("PostgreSQL restarted in %.1f s with %d of %d emails accepted", took.Seconds(), s.sink.Total(), cfg.N)
	recovered := load.waitOK(restarted, 60*time.Second)
	time.Sleep(5 * time.Second) // keep writing a while after recovery
	ok, failed := load.stop()
	if err := waitPostgres(ctx, s.db, 30*time.Second); err != nil {
		return err
	}
	if err := s.waitSettled(ctx, card, cfg.N, 5*time.Minute); err != nil {
		res.fail("%v", err)
	}
	t, err := s.tallyCard(ctx, card, cfg.N, nil)
	if err != nil {
		return err
	}
	var found int
	err = s.db.QueryRow(ctx, `SELECT count(*) FROM requests q JOIN requesters r ON r.id = q.requester_id
WHERE q.card_id = $1 AND lower(r.email) = ANY($2)`, writes, ok).Scan(&found)
	if err != nil {
		return err
	}
	res.Figures["tally"], res.Figures["writes_2xx"], res.Figures["writes_failed"] = t, len(ok), failed
	res.Figures["api_recovered_seconds"] = recovered.Seconds()
	res.note("%s; API writes: %d answered 2xx, %d failed (during the restart), first 2xx %.1f s after the restart",
		t, len(ok), failed, recovered.Seconds())
	res.expect(s.srv.PID() == pid && !s.srv.exited.Load(), "the same server process served throughout (pid %d)", pid)
	res.expect(recovered >= 0, "the API answered writes again without a restart of the server")
	res.expect(found == len(ok), "every write answered 2xx is in the database (%d of %d)", found, len(ok))
	res.expect(t.Statuses["sent"] == cfg.N && len(t.Statuses) == 1, "every requester has exactly one sent delivery (%v)", t.Statuses)
	res.expect(t.Lost == 0 && t.SentNotAccepted == 0, "0 lost (%d, %d marked sent but never accepted)", t.Lost, t.SentNotAccepted)
	res.expect(t.Duplicates <= conns, "duplicates %d ≤ the %d sends the notifier has in flight", t.Duplicates, conns)
	return nil
}

// restartPostgres restarts the local cluster the way an operator would.
func restartPostgres(ctx context.Context) (time.Duration, error) {
	versions, err := os.ReadDir("/etc/postgresql")
	if err != nil || len(versions) == 0 {
		return 0, fmt.Errorf("no cluster under /etc/postgresql to restart: %v", err)
	}
	start := time.Now()
	out, err := exec.CommandContext(ctx, "pg_ctlcluster", "--skip-systemctl-redirect", versions[0].Name(), "main", "restart").CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("pg_ctlcluster restart: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return time.Since(start), nil
}

// waitPostgres waits until pool can run a query again (its old connections died).
func waitPostgres(ctx context.Context, pool *pgxpool.Pool, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		_, err := pool.Exec(ctx, "SELECT 1")
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("PostgreSQL not back after %v: %w", timeout, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// writeLoad is API clients linking new requesters to a card, remembering every
// address the API answered 2xx for.
type writeLoad struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	ok     []string
	okAt   []time.Time
	failed int
}

func startWriteLoad(ctx context.Context, api *apiClient, card uuid.UUID, clients int) *writeLoad {
	ctx, cancel := context.WithCancel(ctx)
	l := &writeLoad{cancel: cancel}
	for c := range clients {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for i := 0; i < 1_000_000 && ctx.Err() == nil; i++ {
				addr := fmt.Sprintf("write-%d-%d@example.test", c, i)
				status, _, err := api.do(ctx, "POST", "/api/v1/cards/"+card.String()+"/requests", map[string]any{"email": addr, "quote": "me too"})
				l.mu.Lock()
				if err == nil && status/100 == 2 {
					l.ok, l.okAt = append(l.ok, addr), append(l.okAt, time.Now())
				} else if ctx.Err() == nil {
					l.failed++
				}
				l.mu.Unlock()
				if err != nil || status/100 != 2 {
					time.Sleep(50 * time.Millisecond)
				}
			}
		}()
	}
	return l
}

// waitOK returns how long after since the first 2xx came, or -1 after timeout.
func (l *writeLoad) waitOK(since time.Time, timeout time.Duration) time.Duration {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		l.mu.Lock()
		for _, at := range l.okAt {
			if at.After(since) {
				l.mu.Unlock()
				return at.Sub(since)
			}
		}
		l.mu.Unlock()
		time.Sleep(100 * time.Millisecond)
	}
	return -1
}

func (l *writeLoad) stop() (ok []string, failed int) {
	l.cancel()
	l.wg.Wait()
	return l.ok, l.failed
}
