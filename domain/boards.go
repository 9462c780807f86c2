package domain

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Board is a named set of ordered columns. EmailSubject and EmailIntro override the
// notifier's default wording for cards shipped from this board ("" = default).
type Board struct {
	ID           uuid.UUID
	Name         string
	Description  string
	EmailSubject string
	EmailIntro   string
	Public       bool    // its roadmap, changelog and feed are published (roadmap.go)
	Slug         *string // its address under /roadmap/; nil until one is given
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Columns      []Column `gorm:"-"`
}

// NewBoard is the input for CreateBoard; nil Columns means DefaultColumns.
type NewBoard struct {
	Name        string
	Description string
	Columns     []ColumnSpec
}

// ColumnSpec names a column and its stage when a board is created.
type ColumnSpec struct {
	Name          string
	Stage         Stage
	NotifyDefault bool // only for planned, in_progress and declined columns
}

// DefaultColumns is what a board starts with when no columns are given.
var DefaultColumns = []ColumnSpec{
	{Name: "Ideas", Stage: StageOpen}, {Name: "Planned", Stage: StagePlanned}, {Name: "In progress", Stage: StageInProgress}, {Name: "Done", Stage: StageDone},
}

// BoardPatch changes the fields that are not nil.
type BoardPatch struct {
	Name, Description, EmailSubject, EmailIntro *string
	Public                                      *bool
	Slug                                        *string // "" removes it (only while not public)
}

const (
	maxBoardName        = 100
	maxBoardDescription = 2000
	maxEmailSubject     = 200
	maxEmailIntro       = 2000
	maxColumns          = 20
)

// CreateBoard creates a board with its columns.
func (s *Service) CreateBoard(ctx context.Context, actor Actor, in NewBoard) (Board, error) {
	p := Problems{}
	now := s.now()
	b := Board{ID: newID(), CreatedAt: now, UpdatedAt: now,
		Name:        checkLine(p, "name", in.Name, 1, maxBoardName),
		Description: checkText(p, "description", in.Description, maxBoardDescription),
	}
	specs := in.Columns
	switch {
	case specs == nil:
		specs = DefaultColumns
	case len(specs) == 0:
		p.Add("columns", "give at least one column, or leave columns out for the default four")
	case len(specs) > maxColumns:
		p.Add("columns", fmt.Sprintf("a board has at most %d columns", maxColumns))
	}
	for i, spec := range specs {
		field := fmt.Sprintf("columns[%d]", i)
		name := checkLine(p, field+".name", spec.Name, 1, maxColumnName)
		checkStage(p, field+".stage", spec.Stage)
		checkNotifyDefault(p, field+".notify_default", spec.Stage, spec.NotifyDefault)
		b.Columns = append(b.Columns, Column{ID: newID(), BoardID: b.ID, Name: name, Stage: spec.Stage,
			NotifyDefault: spec.NotifyDefault, Position: i, CreatedAt: now, UpdatedAt: now})
	}
	if err := p.Err(); err != nil {
		return Board{}, err
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if err := s.db.conn(ctx).Create(&b).Error; err != nil {
			return storeErr(err, "board")
		}
		return storeErr(s.db.conn(ctx).Create(&b.Columns).Error, "column")
	})
	return b, err
}

// Board returns a board with its columns in order.
func (s *Service) Board(ctx context.Context, id uuid.UUID) (Board, error) {
	var b Board
	if err := s.db.conn(ctx).Where("id = ?", id).Take(&b).Error; err != nil {
		return Board{}, storeErr(err, "board")
	}
	cols, err := s.columnsOf(ctx, id)
	b.Columns = cols[id]
	return b, err
}

// UpdateBoard changes a board's name, description or email wording.
func (s *Service) UpdateBoard(ctx context.Context, actor Actor, id uuid.UUID, patch BoardPatch) (Board, error) {
	p := Problems{}
	changes := map[string]any{}
	if patch.Name != nil {
		changes["name"] = checkLine(p, "name", *patch.Name, 1, maxBoardName)
	}
	if patch.Description != nil {
		changes["description"] = checkText(p, "description", *patch.Description, maxBoardDescription)
	}
	if patch.EmailSubject != nil {
		// A subject is one header line: checkLine refuses CR and LF (header injection).
		changes["email_subject"] = checkLine(p, "email_subject", *patch.EmailSubject, 0, maxEmailSubject)
	}
	if patch.EmailIntro != nil {
		changes["email_intro"] = checkText(p, "email_intro", *patch.EmailIntro, maxEmailIntro)
	}
	if err := p.Err(); err != nil {
		return Board{}, err
	}
	if patch.Public != nil || patch.Slug != nil {
		if err := s.publishing(ctx, id, patch, changes); err != nil {
			return Board{}, err
		}
	}
	if len(changes) > 0 {
		changes["updated_at"] = s.now()
		res := s.db.conn(ctx).Model(&Board{}).Where("id = ?", id).Updates(changes)
		if errors.Is(res.Error, gorm.ErrDuplicatedKey) {
			return Board{}, Invalid("slug", "is the address of another board's roadmap; choose another")
		}
		if res.Error != nil {
			return Board{}, storeErr(res.Error, "board")
		}
		if res.RowsAffected == 0 {
			return Board{}, NotFound("board")
		}
	}
	return s.Board(ctx, id)
}

// DeleteBoard deletes a board with its columns, cards and everything hanging off them.
func (s *Service) DeleteBoard(ctx context.Context, actor Actor, id uuid.UUID) error {
	res := s.db.conn(ctx).Where("id = ?", id).Delete(&Board{})
	if res.Error != nil {
		return storeErr(res.Error, "board")
	}
	if res.RowsAffected == 0 {
		return NotFound("board")
	}
	return nil
}
