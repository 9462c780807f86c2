package domain

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// column reads a column without locking it.
func (s *Service) column(ctx context.Context, id uuid.UUID) (Column, error) {
	var col Column
	err := s.db.conn(ctx).Where("id = ?", id).Take(&col).Error
	return col, storeErr(err, "column")
}

// UpdateColumn renames a column, changes its stage or notify_default, or moves it to
// another position. Changing the stage to done does not ship the cards already in the
// column: only moving a card into a done column does. A stage whose moves email nobody
// (or always) turns notify_default off.
func (s *Service) UpdateColumn(ctx context.Context, actor Actor, id uuid.UUID, patch ColumnPatch) (Column, error) {
	p := Problems{}
	changes := map[string]any{}
	if patch.Name != nil {
		changes["name"] = checkLine(p, "name", *patch.Name, 1, maxColumnName)
	}
	if patch.Stage != nil {
		checkStage(p, "stage", *patch.Stage)
		changes["stage"] = *patch.Stage
	}
	if err := p.Err(); err != nil {
		return Column{}, err
	}
	var col Column
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		found, err := s.column(ctx, id)
		if err != nil {
			return err
		}
		cols, err := s.lockBoardColumns(ctx, found.BoardID)
		if err != nil {
			return err
		}
		at := slices.IndexFunc(cols, func(c Column) bool { return c.ID == id })
		if at < 0 { // deleted while we waited for the lock
			return NotFound("column")
		}
		if err := notifyDefaultChange(cols[at], patch, changes); err != nil {
			return err
		}
		now := s.now()
		if patch.Position != nil && *patch.Position != at {
			if *patch.Position < 0 || *patch.Position >= len(cols) {
				return Invalid("position", fmt.Sprintf("must be from 0 to %d", len(cols)-1))
			}
			moving := cols[at]
			cols = slices.Insert(slices.Delete(cols, at, at+1), *patch.Position, moving)
			if err := s.renumberColumns(ctx, cols, now); err != nil {
				return err
			}
		}
		if len(changes) > 0 {
			changes["updated_at"] = now
			if err := s.db.conn(ctx).Model(&Column{}).Where("id = ?", id).Updates(changes).Error; err != nil {
				return err
			}
		}
		col, err = s.column(ctx, id)
		return err
	})
	return col, err
}

// notifyDefaultChange adds notify_default to changes: as patched (refused where moves
// email nobody or always), or off when the column's new stage has no status email.
func notifyDefaultChange(col Column, patch ColumnPatch, changes map[string]any) error {
	stage := col.Stage
	if patch.Stage != nil {
		stage = *patch.Stage
	}
	p := Problems{}
	switch {
	case patch.NotifyDefault != nil:
		checkNotifyDefault(p, "notify_default", stage, *patch.NotifyDefault)
		changes["notify_default"] = *patch.NotifyDefault
	case col.NotifyDefault && statusKind(stage) == "":
		changes["notify_default"] = false
	}
	return p.Err()
}

// DeleteColumn deletes an empty column. A column that still holds cards (archived ones
// included: they keep their column) cannot go, or those cards would lose their place.
func (s *Service) DeleteColumn(ctx context.Context, actor Actor, id uuid.UUID) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		found, err := s.column(ctx, id)
		if err != nil {
			return err
		}
		cols, err := s.lockBoardColumns(ctx, found.BoardID)
		if err != nil {
			return err
		}
		at := slices.IndexFunc(cols, func(c Column) bool { return c.ID == id })
		if at < 0 {
			return NotFound("column")
		}
		// The column is locked, so no card can move in while we count.
		var count struct{ Total, Archived int }
		err = s.db.conn(ctx).Raw(`SELECT count(*) AS total, count(*) FILTER (WHERE archived_at IS NOT NULL) AS archived
			FROM cards WHERE column_id = ?`, id).Scan(&count).Error
		if err != nil {
			return err
		}
		if count.Total > 0 {
			return Conflict("column %q still holds %s (%d archived); move them to another column first "+
				"(archived cards can be moved too), then delete it", cols[at].Name, countCards(count.Total), count.Archived)
		}
		if err := s.db.conn(ctx).Where("id = ?", id).Delete(&Column{}).Error; err != nil {
			return storeErr(err, "column")
		}
		return s.renumberColumns(ctx, slices.Delete(cols, at, at+1), s.now())
	})
}

func countCards(n int) string {
	if n == 1 {
		return "1 card"
	}
	return fmt.Sprintf("%d cards", n)
}
