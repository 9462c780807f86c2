package domain

import (
	"context"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// LabelColors a board label can have (Trello's, so an import keeps them); grey is the default.
var LabelColors = []string{"grey", "green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"}

// DefaultLabelColor is the colour of a label nobody coloured.
const DefaultLabelColor = "grey"

// NormalLabelColor maps a colour from elsewhere to one of LabelColors: Trello's *_dark
// and *_light variants to their base, null or unknown to grey.
func NormalLabelColor(c string) string {
	c = strings.ToLower(strings.TrimSpace(c))
	c = strings.TrimSuffix(strings.TrimSuffix(c, "_dark"), "_light")
	if c == "gray" {
		c = "grey"
	}
	if slices.Contains(LabelColors, c) {
		return c
	}
	return DefaultLabelColor
}

// BoardLabel is a label of a board: its colour and how many live cards carry it.
type BoardLabel struct {
	Name  string `json:"name"`
	Color string `json:"color"`
	Count int    `json:"count"`
}

// BoardLabels lists the labels used on a board's live cards and those given a colour,
// most used first, then by name.
func (s *Service) BoardLabels(ctx context.Context, boardID uuid.UUID) ([]BoardLabel, error) {
	if err := s.db.conn(ctx).Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
		return nil, storeErr(err, "board")
	}
	var out []BoardLabel
	err := s.db.conn(ctx).Raw(`SELECT COALESCE(u.name, l.name) AS name, COALESCE(l.color, ?) AS color, COALESCE(u.n, 0) AS count
FROM (SELECT unnest(labels) AS name, count(*) AS n FROM cards WHERE board_id = ? AND archived_at IS NULL GROUP BY 1) u
FULL JOIN (SELECT name, color FROM board_labels WHERE board_id = ?) l ON l.name = u.name
ORDER BY 3 DESC, 1`, DefaultLabelColor, boardID, boardID).Scan(&out).Error
	if out == nil {
		out = []BoardLabel{}
	}
	return out, err
}

// LabelPatch renames and/or recolours a label across a board.
type LabelPatch struct {
	Name  *string
	Color *string
}

// UpdateBoardLabel renames a label on every card of the board (archived ones too; a card
// that already has the new name keeps one) and/or sets its colour. Renaming onto an
// existing label merges the two (the new name's colour stays unless one is given).
func (s *Service) UpdateBoardLabel(ctx context.Context, actor Actor, boardID uuid.UUID, name string, patch LabelPatch) (BoardLabel, error) {
	p := Problems{}
	newName := name
	if patch.Name != nil {
		sub := Problems{}
		newName = checkLine(sub, "name", *patch.Name, 1, maxLabelLen)
		for f, m := range sub {
			p.Add(f, m)
		}
	}
	if patch.Color != nil && !slices.Contains(LabelColors, *patch.Color) {
		p.Add("color", "must be one of "+strings.Join(LabelColors, ", "))
	}
	if err := p.Err(); err != nil {
		return BoardLabel{}, err
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		// The board's row lock orders label changes of one board with each other.
		if err := db.Exec(`SELECT 1 FROM boards WHERE id = ? FOR NO KEY UPDATE`, boardID).Error; err != nil {
			return err
		}
		var used int64
		if err := db.Raw(`SELECT (SELECT count(*) FROM cards WHERE board_id = ? AND ? = ANY (labels)) +
       (SELECT count(*) FROM board_labels WHERE board_id = ? AND name = ?)`, boardID, name, boardID, name).Scan(&used).Error; err != nil {
			return err
		}
		if used == 0 {
			if err := db.Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
				return storeErr(err, "board")
			}
			return NotFound("label")
		}
		if newName != name {
			if err := s.renameLabel(ctx, actor, boardID, name, newName); err != nil {
				return err
			}
		}
		if patch.Color != nil {
			return db.Exec(`INSERT INTO board_labels (board_id, name, color) VALUES (?, ?, ?)
ON CONFLICT (board_id, name) DO UPDATE SET color = EXCLUDED.color`, boardID, newName, *patch.Color).Error
		}
		return nil
	})
	if err != nil {
		return BoardLabel{}, err
	}
	labels, err := s.BoardLabels(ctx, boardID)
	if err != nil {
		return BoardLabel{}, err
	}
	for _, l := range labels {
		if l.Name == newName {
			return l, nil
		}
	}
	return BoardLabel{Name: newName, Color: DefaultLabelColor}, nil
}

// renameLabel replaces from with to on the board's cards (one activity line each) and
// moves its colour, unless to has one already.
func (s *Service) renameLabel(ctx context.Context, actor Actor, boardID uuid.UUID, from, to string) error {
	db := s.db.conn(ctx)
	var cards []Card
	err := db.Raw(`UPDATE cards SET labels = CASE WHEN ? = ANY (labels) THEN array_remove(labels, ?) ELSE array_replace(labels, ?, ?) END,
    version = version + 1, updated_at = ?
WHERE board_id = ? AND ? = ANY (labels) RETURNING `+cardFields, to, from, from, to, s.now(), boardID, from).Scan(&cards).Error
	if err != nil {
		return err
	}
	for i := range cards {
		if err := s.record(ctx, actor, cards[i], "edited", nil, nil, ActivityDetail{"fields": []string{"labels"}, "label_renamed": map[string]string{"from": from, "to": to}}); err != nil {
			return err
		}
		if err := s.publish(ctx, actor, Event{Type: EventCardUpdated, Card: &cards[i]}); err != nil {
			return err
		}
	}
	if err := db.Exec(`INSERT INTO board_labels (board_id, name, color) SELECT board_id, ?, color FROM board_labels
WHERE board_id = ? AND name = ? ON CONFLICT (board_id, name) DO NOTHING`, to, boardID, from).Error; err != nil {
		return err
	}
	return db.Exec(`DELETE FROM board_labels WHERE board_id = ? AND name = ?`, boardID, from).Error
}

// writeLabelColors stores an import's label colours for its new board.
func (s *Service) writeLabelColors(ctx context.Context, boardID uuid.UUID, colors map[string]string) error {
	for name, c := range colors {
		if err := s.db.conn(ctx).Exec(`INSERT INTO board_labels (board_id, name, color) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			boardID, name, NormalLabelColor(c)).Error; err != nil {
			return err
		}
	}
	return nil
}
