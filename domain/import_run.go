package domain

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// RunImport writes an import's board: the whole board in one transaction, so a
// failure at any point leaves no half board, and a second run of the same import
// (a job retried while the first still runs) waits for the first and then finds it
// done. Progress goes to the imports row on its own connection as cards are
// written, and to report (if not nil). Nothing imported ships a card or emails
// anyone. Errors the import cannot get past (kinds other than internal) mark it
// failed; internal ones (the database went away) are returned for a retry.
func (s *Service) RunImport(ctx context.Context, id uuid.UUID, report func(done, total int)) (Import, error) {
	var rows []struct {
		Status string
		Plan   []byte
		Actor  string
	}
	if err := s.db.conn(ctx).Raw(`SELECT status, plan, actor FROM imports WHERE id = ?`, id).Scan(&rows).Error; err != nil {
		return Import{}, err
	}
	if len(rows) == 0 {
		return Import{}, NotFound("import")
	}
	if rows[0].Status != ImportRunning || rows[0].Plan == nil {
		return s.GetImport(ctx, id)
	}
	var b BoardImport
	if err := json.Unmarshal(rows[0].Plan, &b); err != nil {
		return s.failImport(ctx, id, fmt.Errorf("the stored import could not be read: %w", err))
	}
	rows[0].Plan = nil // the decoded board is what is kept from here on
	if err := s.db.gorm.WithContext(ctx).Exec(`UPDATE imports SET attempts = attempts + 1, progress_done = 0,
updated_at = ? WHERE id = ?`, s.now(), id).Error; err != nil {
		return Import{}, err
	}
	prog := &importProgress{s: s, id: id, total: b.work(), report: report}
	actor := Actor{Name: rows[0].Actor}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if err := s.db.conn(ctx).Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 14))`, "import:"+id.String()).Error; err != nil {
			return err
		}
		var status []string
		if err := s.db.conn(ctx).Raw(`SELECT status FROM imports WHERE id = ?`, id).Scan(&status).Error; err != nil {
			return err
		}
		if len(status) == 0 || status[0] != ImportRunning {
			return nil // another run finished it while this one waited
		}
		boardID, err := s.writeBoard(ctx, actor, id, &b, prog)
		if err != nil {
			return err
		}
		counts, _ := json.Marshal(b.Counts())
		warnings, _ := json.Marshal(nonNil(b.Warnings))
		now := s.now()
		return s.db.conn(ctx).Exec(`UPDATE imports SET status = 'done', board_id = ?, counts = ?, warnings = ?,
plan = NULL, progress_done = progress_total, updated_at = ?, finished_at = ? WHERE id = ?`,
			boardID, counts, warnings, now, now, id).Error
	})
	if err != nil {
		if KindOf(err) != KindInternal {
			return s.failImport(ctx, id, err)
		}
		return Import{}, err
	}
	return s.GetImport(ctx, id)
}

// FailImport marks an import failed with why (its last attempt failed); the board
// was never written.
func (s *Service) FailImport(ctx context.Context, id uuid.UUID, cause error) error {
	_, err := s.failImport(ctx, id, cause)
	return err
}

func (s *Service) failImport(ctx context.Context, id uuid.UUID, cause error) (Import, error) {
	msg := cause.Error()
	if KindOf(cause) == KindInternal {
		msg = "the import could not be written (" + msg + "); nothing of it was kept: try again"
	}
	errs, _ := json.Marshal([]string{msg})
	now := s.now()
	err := s.db.gorm.WithContext(ctx).Exec(`UPDATE imports SET status = 'failed', errors = errors || ?::jsonb, plan = NULL,
updated_at = ?, finished_at = ? WHERE id = ? AND status = 'running'`, string(errs), now, now, id).Error
	if err != nil {
		return Import{}, err
	}
	return s.GetImport(ctx, id)
}

// importProgress counts written rows and shows them: to the caller at once, to the
// imports row (outside the board's transaction, so others see it) every 200 ms.
type importProgress struct {
	s           *Service
	id          uuid.UUID
	done, total int
	written     time.Time
	report      func(done, total int)
}

func (p *importProgress) add(ctx context.Context, n int) error {
	p.done += n
	if p.report != nil {
		p.report(p.done, p.total)
	}
	if time.Since(p.written) < 200*time.Millisecond && p.done < p.total {
		return nil
	}
	p.written = time.Now()
	return p.s.db.gorm.WithContext(ctx).Exec(`UPDATE imports SET progress_done = ?, updated_at = ? WHERE id = ?`,
		p.done, p.s.now(), p.id).Error
}
