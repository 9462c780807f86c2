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

type satisfactionCursor struct {
	ShippedAt time.Time `json:"s"`
	ID        uuid.UUID `json:"id"`
}

// BoardSatisfaction lists a board's shipped, unarchived cards with their answer counts.
func (s *Service) BoardSatisfaction(ctx context.Context, boardID uuid.UUID, page Page) (Satisfaction, error) {
	p := Problems{}
	limit := page.limit(p)
	var after satisfactionCursor
	hasCursor := decodeCursor(p, page.Cursor, &after, func() bool { return after.ID != uuid.Nil })
	if err := p.Err(); err != nil {
		return Satisfaction{}, err
	}
	db := s.db.conn(ctx)
	if err := db.Select("id").Where("id = ?", boardID).Take(&Board{}).Error; err != nil {
		return Satisfaction{}, storeErr(err, "board")
	}
	q := db.Table("cards").Select("id AS card_id, title, shipped_at, reactions_yes AS yes, reactions_no AS no").
		Where("board_id = ? AND shipped_at IS NOT NULL AND archived_at IS NULL", boardID)
	if hasCursor {
		q = q.Where("(shipped_at, id) < (?, ?)", after.ShippedAt, after.ID)
	}
	var out Satisfaction
	if err := q.Order("shipped_at DESC, id DESC").Limit(limit + 1).Scan(&out.Items).Error; err != nil {
		return Satisfaction{}, err
	}
	if len(out.Items) > limit {
		last := out.Items[limit-1]
		out.Items, out.NextCursor = out.Items[:limit], encodeCursor(satisfactionCursor{ShippedAt: last.ShippedAt, ID: last.CardID})
	}
	var totals struct{ Yes, No int }
	if err := db.Raw(`SELECT COALESCE(sum(reactions_yes), 0) AS yes, COALESCE(sum(reactions_no), 0) AS no
FROM cards WHERE board_id = ? AND archived_at IS NULL`, boardID).Scan(&totals).Error; err != nil {
		return Satisfaction{}, err
	}
	out.Yes, out.No = totals.Yes, totals.No
	since := s.clock().AddDate(0, 0, -SatisfactionDays)
	err := db.Raw(`SELECT date_trunc('day', r.updated_at AT TIME ZONE 'UTC') AS day,
       count(*) FILTER (WHERE r.answer = 'yes') AS yes, count(*) FILTER (WHERE r.answer = 'no') AS no
FROM reactions r JOIN cards c ON c.id = r.card_id
WHERE c.board_id = ? AND c.archived_at IS NULL AND r.updated_at >= ?
GROUP BY 1 ORDER BY 1`, boardID, since).Scan(&out.Days).Error
	return out, err
}

// ReactionList is one page of a card's answers, newest first.
type ReactionList struct {
	Items      []Reaction
	NextCursor string
}

type reactionCursor struct {
	At time.Time `json:"t"`
	ID uuid.UUID `json:"id"`
}

// CardReactions lists a card's answers, newest first, with who gave them (the team's view).
func (s *Service) CardReactions(ctx context.Context, cardID uuid.UUID, page Page) (ReactionList, error) {
	p := Problems{}
	limit := page.limit(p)
	var after reactionCursor
	hasCursor := decodeCursor(p, page.Cursor, &after, func() bool { return after.ID != uuid.Nil })
	if err := p.Err(); err != nil {
		return ReactionList{}, err
	}
	if _, err := s.Card(ctx, cardID); err != nil {
		return ReactionList{}, err
	}
	q := s.db.conn(ctx).Table("reactions r").
		Select("r.delivery_id, r.requester_id, COALESCE(p.email, '') AS email, COALESCE(p.name, '') AS name, r.answer, r.comment, r.updated_at").
		Joins("LEFT JOIN requesters p ON p.id = r.requester_id").Where("r.card_id = ?", cardID)
	if hasCursor {
		q = q.Where("(r.updated_at, r.delivery_id) < (?, ?)", after.At, after.ID)
	}
	var rows []struct {
		DeliveryID  uuid.UUID
		RequesterID *uuid.UUID
		Email, Name string
		Answer      string
		Comment     string
		UpdatedAt   time.Time
	}
	if err := q.Order("r.updated_at DESC, r.delivery_id DESC").Limit(limit + 1).Scan(&rows).Error; err != nil {
		return ReactionList{}, err
	}
	var out ReactionList
	for i, r := range rows {
		if i == limit {
			last := rows[limit-1]
			out.NextCursor = encodeCursor(reactionCursor{At: last.UpdatedAt, ID: last.DeliveryID})
			break
		}
		x := Reaction{DeliveryID: r.DeliveryID, CardID: cardID, Answer: r.Answer, Comment: r.Comment, AnsweredAt: r.UpdatedAt}
		if r.RequesterID != nil {
			x.Requester = &Requester{ID: *r.RequesterID, Email: r.Email, Name: r.Name}
		}
		out.Items = append(out.Items, x)
	}
	return out, nil
}
