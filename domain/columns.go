package domain

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm/clause"
)

// Stage is where a column sits in the life of a card. Moving a card into a done
// column ships it.
type Stage string

const (
	StageOpen       Stage = "open"
	StagePlanned    Stage = "planned"
	StageInProgress Stage = "in_progress"
	StageDone       Stage = "done"
	StageDeclined   Stage = "declined"
)

func (st Stage) Valid() bool {
	switch st {
	case StageOpen, StagePlanned, StageInProgress, StageDone, StageDeclined:
		return true
	}
	return false
}

func checkStage(p Problems, field string, st Stage) {
	if !st.Valid() {
		p.Add(field, "must be one of open, planned, in_progress, done, declined")
	}
}

// checkNotifyDefault refuses notify_default on a column whose moves email nobody
// (open) or always email (done).
func checkNotifyDefault(p Problems, field string, st Stage, on bool) {
	if on && st.Valid() && statusKind(st) == "" {
		p.Add(field, "only planned, in_progress and declined columns can email on a move by default "+
			"(a move into done always emails); leave it false for a column of stage "+string(st))
	}
}

// Column is one column of a board. Positions are 0, 1, 2… within the board; columns
// are few, so changing the order simply renumbers them.
type Column struct {
	ID       uuid.UUID
	BoardID  uuid.UUID
	Name     string
	Stage    Stage
	Position int
	// NotifyDefault pre-selects "email the requesters" for a move into the column
	// (planned, in-progress and declined columns only: shipping always emails).
	NotifyDefault bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// NewColumn is the input for CreateColumn; nil Position means last.
type NewColumn struct {
	Name          string
	Stage         Stage
	Position      *int
	NotifyDefault bool
}

// ColumnPatch changes the fields that are not nil.
type ColumnPatch struct {
	Name          *string
	Stage         *Stage
	Position      *int
	NotifyDefault *bool
}

const maxColumnName = 50

// columnsOf returns the columns of the given boards in order, keyed by board.
func (s *Service) columnsOf(ctx context.Context, boardIDs ...uuid.UUID) (map[uuid.UUID][]Column, error) {
	byBoard := make(map[uuid.UUID][]Column, len(boardIDs))
	if len(boardIDs) == 0 {
		return byBoard, nil
	}
	var cols []Column
	err := s.db.conn(ctx).Where("board_id IN ?", boardIDs).Order("board_id, position").Find(&cols).Error
	for _, c := range cols {
		byBoard[c.BoardID] = append(byBoard[c.BoardID], c)
	}
	return byBoard, err
}

// lockColumn reads a column FOR UPDATE: whoever places cards in it or changes it
// holds this lock, so concurrent writers take turns.
func (s *Service) lockColumn(ctx context.Context, id uuid.UUID) (Column, error) {
	var col Column
	err := s.db.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", id).Take(&col).Error
	return col, storeErr(err, "column")
}

// lockBoardColumns locks a board (against concurrent column changes, without blocking
// card writes) and returns its columns in order, locked too.
func (s *Service) lockBoardColumns(ctx context.Context, boardID uuid.UUID) ([]Column, error) {
	var b Board
	err := s.db.conn(ctx).Clauses(clause.Locking{Strength: "NO KEY UPDATE"}).Select("id").
		Where("id = ?", boardID).Take(&b).Error
	if err != nil {
		return nil, storeErr(err, "board")
	}
	var cols []Column
	err = s.db.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("board_id = ?", boardID).
		Order("position").Find(&cols).Error
	return cols, err
}

// renumberColumns writes position = index for every column whose position moved.
func (s *Service) renumberColumns(ctx context.Context, cols []Column, now time.Time) error {
	for i, c := range cols {
		if c.Position == i {
			continue
		}
		err := s.db.conn(ctx).Model(&Column{}).Where("id = ?", c.ID).
			Updates(map[string]any{"position": i, "updated_at": now}).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// CreateColumn adds a column to a board at Position (others shift right), or last.
func (s *Service) CreateColumn(ctx context.Context, actor Actor, boardID uuid.UUID, in NewColumn) (Column, error) {
	p := Problems{}
	now := s.now()
	col := Column{ID: newID(), BoardID: boardID, Stage: in.Stage, CreatedAt: now, UpdatedAt: now,
		Name: checkLine(p, "name", in.Name, 1, maxColumnName), NotifyDefault: in.NotifyDefault}
	checkStage(p, "stage", in.Stage)
	checkNotifyDefault(p, "notify_default", in.Stage, in.NotifyDefault)
	if err := p.Err(); err != nil {
		return Column{}, err
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		cols, err := s.lockBoardColumns(ctx, boardID)
		if err != nil {
			return err
		}
		if len(cols) >= maxColumns {
			return Conflict("this board already has %d columns, the most it can have; delete one first", maxColumns)
		}
		at := len(cols)
		if in.Position != nil {
			if *in.Position < 0 || *in.Position > len(cols) {
				return Invalid("position", fmt.Sprintf("must be from 0 to %d", len(cols)))
			}
			at = *in.Position
		}
		col.Position = at
		// Shift first (the new row is not there yet), then insert.
		if err := s.renumberColumns(ctx, slices.Insert(cols, at, col), now); err != nil {
			return err
		}
		return storeErr(s.db.conn(ctx).Create(&col).Error, "column")
	})
	return col, err
}
