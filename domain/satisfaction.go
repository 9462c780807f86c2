package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// CardSatisfaction is one shipped card's answers to "Did this solve it?".
type CardSatisfaction struct {
	CardID    uuid.UUID
	Title     string
	ShippedAt time.Time
	Yes, No   int
}

// SatisfactionDay is the answers given on one UTC day (by their latest change).
type SatisfactionDay struct {
	Day     time.Time
	Yes, No int
}

// Satisfaction is a board's answers: its shipped cards, newest first, one page at a
// time; and for the whole board the totals and the answers per day over the last
// SatisfactionDays days (days without answers left out).
type Satisfaction struct {
	Items      []CardSatisfaction
	NextCursor string
	Yes, No    int
	Days       []SatisfactionDay
}

// SatisfactionDays is how far back the per-day series of a board reaches.
const SatisfactionDays = 90

// BoardSatisfaction lists a board's shipped, unarchived cards with their answer counts.
func (s *Service) BoardSatisfaction(ctx context.Context, boardID uuid.UUID, page Page) (Satisfaction, error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return Satisfaction{}, err
	}
	db := s.db.conn(ctx)
	if err := db.Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
		return Satisfaction{}, storeErr(err, "board")
	}
	q := db.Table("cards").Select("id AS card_id, title, shipped_at, reactions_yes AS yes, reactions_no AS no").
		Where("board_id = ? AND shipped_at IS NOT NULL AND archived_at IS NULL", boardID)
	cards, err := newestFirst(q, "shipped_at", "id", pg, func(c CardSatisfaction) timeKey { return timeKey{At: c.ShippedAt, ID: c.CardID} })
	if err != nil {
		return Satisfaction{}, err
	}
	out := Satisfaction{Items: cards.Items, NextCursor: cards.NextCursor}
	var totals struct{ Yes, No int }
	if err := db.Raw(`SELECT COALESCE(sum(reactions_yes), 0) AS yes, COALESCE(sum(reactions_no), 0) AS no
FROM cards WHERE board_id = ? AND archived_at IS NULL`, boardID).Scan(&totals).Error; err != nil {
		return Satisfaction{}, err
	}
	out.Yes, out.No = totals.Yes, totals.No
	since := s.now().AddDate(0, 0, -SatisfactionDays)
	err = db.Raw(`SELECT date_trunc('day', r.updated_at AT TIME ZONE 'UTC') AS day,
       count(*) FILTER (WHERE r.answer = 'yes') AS yes, count(*) FILTER (WHERE r.answer = 'no') AS no
FROM reactions r JOIN cards c ON c.id = r.card_id
WHERE c.board_id = ? AND c.archived_at IS NULL AND r.updated_at >= ?
GROUP BY 1 ORDER BY 1`, boardID, since).Scan(&out.Days).Error
	return out, err
}

// CardReactions lists a card's answers, newest first, with who gave them (the team's view).
func (s *Service) CardReactions(ctx context.Context, cardID uuid.UUID, page Page) (List[Reaction], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[Reaction]{}, err
	}
	if _, err := s.Card(ctx, cardID); err != nil {
		return List[Reaction]{}, err
	}
	q := s.db.conn(ctx).Table("reactions r").
		Select("r.delivery_id, r.requester_id, COALESCE(p.email, '') AS email, COALESCE(p.name, '') AS name, r.answer, r.comment, r.updated_at").
		Joins("LEFT JOIN requesters p ON p.id = r.requester_id").Where("r.card_id = ?", cardID)
	rows, err := newestFirst(q, "r.updated_at", "r.delivery_id", pg, func(r reactionRow) timeKey { return timeKey{At: r.UpdatedAt, ID: r.DeliveryID} })
	if err != nil {
		return List[Reaction]{}, err
	}
	out := List[Reaction]{NextCursor: rows.NextCursor, Items: make([]Reaction, len(rows.Items))}
	for i, r := range rows.Items {
		out.Items[i] = Reaction{DeliveryID: r.DeliveryID, CardID: cardID, Answer: r.Answer, Comment: r.Comment, AnsweredAt: r.UpdatedAt}
		if r.RequesterID != nil {
			out.Items[i].Requester = &Requester{ID: *r.RequesterID, Email: r.Email, Name: r.Name}
		}
	}
	return out, nil
}

// reactionRow is a reactions row with its requester's name and address.
type reactionRow struct {
	DeliveryID  uuid.UUID
	RequesterID *uuid.UUID
	Email, Name string
	Answer      string
	Comment     string
	UpdatedAt   time.Time
}
