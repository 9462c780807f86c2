package domain

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm/clause"
)

// CardKind says what a card is about.
type CardKind string

const (
	CardIdea    CardKind = "idea"
	CardIssue   CardKind = "issue"
	CardRequest CardKind = "request"
)

func (k CardKind) Valid() bool { return k == CardIdea || k == CardIssue || k == CardRequest }

func checkKind(p Problems, k CardKind) {
	if !k.Valid() {
		p.Add("kind", "must be one of idea, issue, request")
	}
}

// Card is an idea, issue or request on a board. Position is a fractional-index key
// (see rank.go) within its column. Version grows with every change, for If-Match.
// RequesterCount is kept up to date by the requests code; this file never writes it.
type Card struct {
	ID             uuid.UUID
	Number         int64 `gorm:"default:(-)"` // given by card_number_seq at insert (00420)
	BoardID        uuid.UUID
	ColumnID       uuid.UUID
	Kind           CardKind
	Title          string
	Description    string
	Labels         Labels
	Position       string
	Version        int
	RequesterCount int
	ReactionsYes   int // answers to "Did this solve it?" (reactions.go keeps them)
	ReactionsNo    int
	ReleaseNote    string
	ShippedAt      *time.Time
	ArchivedAt     *time.Time
	MergedIntoID   *uuid.UUID // set while the card is merged into another (archived with it)
	OwnerID        *uuid.UUID // the member who owns it (card_owner.go)
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// cardFields is every column of Card (never `search`, which is only for filtering).
const cardFields = "id, number, board_id, column_id, kind, title, description, labels, position, version, " +
	"requester_count, reactions_yes, reactions_no, release_note, shipped_at, archived_at, merged_into_id, created_at, updated_at, owner_id"

// NewCard is the input for CreateCard.
type NewCard struct {
	ColumnID    uuid.UUID
	Kind        CardKind
	Title       string
	Description string
	Labels      []string
}

const (
	maxTitle       = 200
	maxDescription = 20000
	maxReleaseNote = 5000
)

// CreateCard adds a card at the end of one of the board's columns.
func (s *Service) CreateCard(ctx context.Context, actor Actor, boardID uuid.UUID, in NewCard) (Card, error) {
	p := Problems{}
	now := s.now()
	card := Card{ID: newID(), BoardID: boardID, ColumnID: in.ColumnID, Kind: in.Kind, Version: 1,
		CreatedAt: now, UpdatedAt: now,
		Title:       checkLine(p, "title", in.Title, 1, maxTitle),
		Description: checkText(p, "description", in.Description, maxDescription),
		Labels:      checkLabels(p, in.Labels),
	}
	checkKind(p, in.Kind)
	if in.ColumnID == uuid.Nil {
		p.Add("column_id", "is required")
	}
	if err := p.Err(); err != nil {
		return Card{}, err
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		col, last, err := s.lockNewCardColumn(ctx, boardID, in.ColumnID)
		switch {
		case err != nil:
			return err
		case col.BoardID != boardID:
			return Invalid("column_id", "is not a column of this board")
		case !mayCreateIn(actor, col):
			return Forbidden("support can create cards only in open columns; %q is %s: pick an open column or ask an editor",
				col.Name, col.Stage)
		}
		if card.Position, err = rankBetween(last, ""); err != nil {
			return err
		}
		if err := s.insertCard(ctx, actor, &card); err != nil {
			return storeErr(err, "card")
		}
		return s.publish(ctx, actor, Event{Type: EventCardCreated, Card: &card})
	})
	return card, err
}

// insertCardSQL writes a new card and its "created" activity in one statement (one
// round trip of each card made, where it was two), and answers the card's number
// (00420). The arguments are insertCard's.
const insertCardSQL = `WITH c AS (
    INSERT INTO cards (id, board_id, column_id, kind, title, description, labels, position, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING number
), a AS (
    INSERT INTO activities (id, card_id, board_id, actor, action, to_column_id, detail, created_at)
    VALUES (?, ?, ?, ?, 'created', ?, '{}', ?)
)
SELECT number FROM c`

// insertCard writes card (its other fields take their defaults: no requesters,
// reactions, release note or owner; not shipped, archived or merged) and the activity
// of its creation by actor, and sets card.Number.
func (s *Service) insertCard(ctx context.Context, actor Actor, card *Card) error {
	label := actor.Label()
	if label == "" {
		label = "system"
	}
	var number []int64
	err := s.db.conn(ctx).Raw(insertCardSQL,
		card.ID, card.BoardID, card.ColumnID, card.Kind, card.Title, card.Description, card.Labels, card.Position,
		card.Version, card.CreatedAt, card.UpdatedAt,
		newID(), card.ID, card.BoardID, label, card.ColumnID, s.now()).Scan(&number).Error
	if err == nil && len(number) != 1 {
		err = fmt.Errorf("insert card: %d numbers answered", len(number))
	}
	if err != nil {
		return err
	}
	card.Number = number[0]
	return nil
}

// lockNewCardColumn locks the column a card is created in and answers the last
// position of its cards ("" when it has none), read after the lock (one call of
// new_card_column, 00770, where it was two round trips of each card made):
// NotFound when the board does not exist, Invalid when the column does not.
func (s *Service) lockNewCardColumn(ctx context.Context, boardID, columnID uuid.UUID) (Column, string, error) {
	var got []struct {
		Column
		BoardFound   bool
		LastPosition *string
	}
	err := s.db.conn(ctx).Raw(`SELECT id, board_id, name, stage, position, notify_default, created_at, updated_at,
    board_found, last_position FROM new_card_column(?, ?)`, boardID, columnID).Scan(&got).Error
	if err != nil {
		return Column{}, "", err
	}
	if len(got) != 1 {
		return Column{}, "", fmt.Errorf("new_card_column: %d rows answered", len(got))
	}
	if !got[0].BoardFound {
		return Column{}, "", NotFound("board")
	}
	if got[0].ID == uuid.Nil {
		return Column{}, "", Invalid("column_id", "is not a column of this board")
	}
	last := ""
	if got[0].LastPosition != nil {
		last = *got[0].LastPosition
	}
	return got[0].Column, last, nil
}

// mayCreateIn: editors and above create cards anywhere; support (who files what
// customers ask for) only in open columns, so planning stays the editors' call.
func mayCreateIn(actor Actor, col Column) bool {
	return !actor.Role.Valid() || actor.Role.Includes(RoleEditor) || col.Stage == StageOpen
}

// Card returns a card, archived or not.
func (s *Service) Card(ctx context.Context, id uuid.UUID) (Card, error) {
	var c Card
	err := s.db.conn(ctx).Select(cardFields).Where("id = ?", id).Take(&c).Error
	return c, storeErr(err, "card")
}

// lockCard reads a card FOR UPDATE and checks the caller's If-Match version.
func (s *Service) lockCard(ctx context.Context, id uuid.UUID, ifMatch *int) (Card, error) {
	var c Card
	err := s.db.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Select(cardFields).
		Where("id = ?", id).Take(&c).Error
	if err != nil {
		return Card{}, storeErr(err, "card")
	}
	if ifMatch != nil && *ifMatch != c.Version {
		return Card{}, Stale("card")
	}
	return c, nil
}

// lastPosition is the highest position among the column's live cards other than
// except ("" for an empty column). The caller holds the column lock.
func (s *Service) lastPosition(ctx context.Context, columnID, except uuid.UUID) (string, error) {
	var pos []string
	err := s.db.conn(ctx).Model(&Card{}).Where("column_id = ? AND archived_at IS NULL AND id <> ?", columnID, except).
		Order("position DESC").Limit(1).Pluck("position", &pos).Error
	if err != nil || len(pos) == 0 {
		return "", err
	}
	return pos[0], nil
}
