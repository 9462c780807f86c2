// Package queue runs board imports as durable River jobs: StartImport inserts the job
// in the transaction that records the import, and a worker (on the notifier's River
// client, see notify.Config.Jobs) writes the board.
package queue

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"

	"github.com/closeloop/closeloop/domain"
)

const (
	riverQueue = "closeloop_import"
	// An import writes its board in one transaction: a 10,000-card board takes
	// seconds, the largest upload a minute or two. After jobTimeout the attempt is
	// cancelled (nothing of it stays) and, if its process died, River's rescuer
	// hands the job to another process.
	jobTimeout  = 5 * time.Minute
	maxAttempts = 3
)

type importArgs struct {
	ImportID uuid.UUID `json:"import_id"`
}

func (importArgs) Kind() string { return "closeloop_import" }

func (importArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: riverQueue, MaxAttempts: maxAttempts}
}

// Queue is the import queue: domain.ImportQueue for the service, notify.Jobs for
// the River client that works it.
type Queue struct {
	inserter *river.Client[*sql.Tx]
	svc      func() *domain.Service
	log      *slog.Logger
}

var _ domain.ImportQueue = (*Queue)(nil)

// New builds the queue; svc returns the domain service the worker writes with (the
// service is made after the notifier, which must know this worker first).
func New(svc func() *domain.Service, log *slog.Logger) (*Queue, error) {
	inserter, err := river.NewClient(riverdatabasesql.New(nil), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("import queue: %w", err)
	}
	return &Queue{inserter: inserter, svc: svc, log: log}, nil
}

// EnqueueImport inserts the import's job on the caller's transaction.
func (q *Queue) EnqueueImport(ctx context.Context, tx *sql.Tx, importID uuid.UUID) error {
	if _, err := q.inserter.InsertTx(ctx, tx, importArgs{ImportID: importID}, nil); err != nil {
		return fmt.Errorf("enqueue import %s: %w", importID, err)
	}
	return nil
}

// AddWorkers registers the import worker.
func (q *Queue) AddWorkers(w *river.Workers) { river.AddWorker(w, &worker{q: q}) }

// Queues is the import queue: one import at a time per process (each holds a
// transaction and a board in memory).
func (q *Queue) Queues() map[string]river.QueueConfig {
	return map[string]river.QueueConfig{riverQueue: {MaxWorkers: 1}}
}

type worker struct {
	river.WorkerDefaults[importArgs]
	q *Queue
}

func (w *worker) Timeout(*river.Job[importArgs]) time.Duration { return jobTimeout }

// Work writes the board. A failure the import cannot get past is recorded by
// RunImport; others are retried, and the last attempt's failure is recorded here.
func (w *worker) Work(ctx context.Context, job *river.Job[importArgs]) error {
	svc := w.q.svc()
	_, err := svc.RunImport(ctx, job.Args.ImportID, nil)
	if err == nil || domain.KindOf(err) != domain.KindInternal {
		return nil
	}
	if job.Attempt >= maxAttempts {
		w.q.log.Error("import failed", "import_id", job.Args.ImportID, "err", err)
		return svc.FailImport(context.WithoutCancel(ctx), job.Args.ImportID, err)
	}
	return err
}
