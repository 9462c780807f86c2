package domain

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
)

// ImportPreview is what a dry run shows before anything is written: the columns and
// stages the board will get, and what it will hold.
type ImportPreview struct {
	Name     string
	Columns  []PreviewColumn
	Counts   ImportCounts
	Warnings []string
}

// PreviewColumn is one column a dry run would create.
type PreviewColumn struct {
	Name          string
	Stage         Stage
	Archived      bool
	Cards         int
	ArchivedCards int
}

// PreviewImport checks a board as StartImport would and says what it would create,
// writing nothing. The same Trello board imported before is a Conflict here too, so
// the person learns it before they confirm.
func (s *Service) PreviewImport(ctx context.Context, b *BoardImport) (ImportPreview, error) {
	if err := b.validate(); err != nil {
		return ImportPreview{}, err
	}
	if err := s.checkNotImported(ctx, b); err != nil {
		return ImportPreview{}, err
	}
	pv := ImportPreview{Name: b.Name, Counts: b.Counts(), Warnings: nonNil(b.Warnings)}
	for _, col := range b.Columns {
		pc := PreviewColumn{Name: col.Name, Stage: col.Stage, Archived: col.Archived}
		for _, c := range col.Cards {
			if c.Archived {
				pc.ArchivedCards++
			} else {
				pc.Cards++
			}
		}
		pv.Columns = append(pv.Columns, pc)
	}
	return pv, nil
}

// StartImport checks the board and records the import, with the board to write; the
// import queue (if the service has one) gets its job in the same transaction. A
// Trello board already imported (its board still there) or being imported is a
// Conflict with code already_imported and the board's (or the import's) id.
func (s *Service) StartImport(ctx context.Context, actor Actor, b *BoardImport) (Import, error) {
	if err := b.validate(); err != nil {
		return Import{}, err
	}
	plan, err := json.Marshal(b)
	if err != nil {
		return Import{}, fmt.Errorf("encode import plan: %w", err)
	}
	now := s.now()
	row := importRow{ID: newID(), Kind: b.Kind, SourceName: b.Name, Status: ImportRunning, ProgressTotal: b.work(),
		CreatedAt: now, UpdatedAt: now}
	err = s.db.WithTx(ctx, func(ctx context.Context) error {
		if b.SourceID != "" {
			// Two uploads of one board at once: the second waits here, then sees the first.
			if err := s.db.conn(ctx).Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 14))`,
				b.Kind+":"+b.SourceID).Error; err != nil {
				return err
			}
		}
		if err := s.checkNotImported(ctx, b); err != nil {
			return err
		}
		err := s.db.conn(ctx).Exec(`INSERT INTO imports (id, kind, source_id, source_name, status, progress_total, plan,
actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?)`,
			row.ID, b.Kind, b.SourceID, b.Name, row.ProgressTotal, plan, actor.Label(), now, now).Error
		if err != nil || s.importQueue == nil {
			return err
		}
		tx, err := sqlTx(ctx)
		if err != nil {
			return err
		}
		return s.importQueue.EnqueueImport(ctx, tx, row.ID)
	})
	if err != nil {
		return Import{}, err
	}
	return row.toImport(now), nil
}

// checkNotImported refuses a Trello board that an earlier import created (and whose
// board still exists) or that an import is writing right now.
func (s *Service) checkNotImported(ctx context.Context, b *BoardImport) error {
	if b.SourceID == "" {
		return nil
	}
	var rows []struct {
		ID      uuid.UUID
		BoardID *uuid.UUID
	}
	err := s.db.conn(ctx).Raw(`SELECT id, board_id FROM imports
WHERE kind = ? AND source_id = ?
  AND ((status = 'done' AND board_id IS NOT NULL) OR (status = 'running' AND updated_at > ?))
ORDER BY created_at DESC LIMIT 1`, b.Kind, b.SourceID, s.now().Add(-importStale)).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return err
	}
	if rows[0].BoardID != nil {
		return &Error{Kind: KindConflict, Code: "already_imported",
			Message: fmt.Sprintf("this Trello board was imported already, as the board %s; delete that board first "+
				"to import it again", rows[0].BoardID),
			Data: map[string]string{"board_id": rows[0].BoardID.String(), "import_id": rows[0].ID.String()}}
	}
	return &Error{Kind: KindConflict, Code: "already_imported",
		Message: "this Trello board is being imported right now; follow that import instead",
		Data:    map[string]string{"import_id": rows[0].ID.String()}}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
