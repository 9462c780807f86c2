package domain

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// ImportQueue runs imports in the background. EnqueueImport is called inside the
// transaction that records the import, with its *sql.Tx, so the job exists exactly
// when the import does (like the Notifier).
type ImportQueue interface {
	EnqueueImport(ctx context.Context, tx *sql.Tx, importID uuid.UUID) error
}

// UseImportQueue sets the queue StartImport hands imports to; without one, the
// caller runs them itself with RunImport (the command line does).
func (s *Service) UseImportQueue(q ImportQueue) { s.importQueue = q }

// Import statuses, as GET /imports/{id} answers them.
const (
	ImportRunning = "running"
	ImportDone    = "done"
	ImportFailed  = "failed"
)

// importStale is how long a running import may go without progress before it is
// taken for dead (its process died on the last attempt): it then answers failed,
// and the same board may be imported again.
const importStale = 15 * time.Minute

// Import is one import and how far it got.
type Import struct {
	ID          uuid.UUID
	Kind        string
	SourceName  string
	Status      string
	Done, Total int
	BoardID     *uuid.UUID
	Counts      ImportCounts
	Errors      []string
	Warnings    []string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	FinishedAt  *time.Time
}

type importRow struct {
	ID            uuid.UUID
	Kind          string
	SourceName    string
	Status        string
	ProgressDone  int
	ProgressTotal int
	BoardID       *uuid.UUID
	Counts        []byte
	Errors        []byte
	Warnings      []byte
	CreatedAt     time.Time
	UpdatedAt     time.Time
	FinishedAt    *time.Time
}

const importColumns = `id, kind, source_name, status, progress_done, progress_total, board_id, counts, errors, warnings,
created_at, updated_at, finished_at`

func (r importRow) toImport(now time.Time) Import {
	im := Import{ID: r.ID, Kind: r.Kind, SourceName: r.SourceName, Status: r.Status, Done: r.ProgressDone,
		Total: r.ProgressTotal, BoardID: r.BoardID, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		FinishedAt: r.FinishedAt, Errors: []string{}, Warnings: []string{}}
	_ = json.Unmarshal(r.Counts, &im.Counts)     // written by this package; empty means zero
	_ = json.Unmarshal(r.Errors, &im.Errors)     //
	_ = json.Unmarshal(r.Warnings, &im.Warnings) //
	if im.Status == ImportRunning && now.Sub(r.UpdatedAt) > importStale {
		im.Status = ImportFailed
		im.Errors = append(im.Errors, "the import stopped making progress (the server restarted?); nothing of it was "+
			"written: start it again")
	}
	return im
}

// GetImport returns an import and its progress.
func (s *Service) GetImport(ctx context.Context, id uuid.UUID) (Import, error) {
	var rows []importRow
	if err := s.db.conn(ctx).Raw(`SELECT `+importColumns+` FROM imports WHERE id = ?`, id).Scan(&rows).Error; err != nil {
		return Import{}, err
	}
	if len(rows) == 0 {
		return Import{}, NotFound("import")
	}
	return rows[0].toImport(s.now()), nil
}
