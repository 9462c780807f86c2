package domain

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// Answers to "Did this solve it?", asked in every shipped email.
const (
	AnswerYes = "yes"
	AnswerNo  = "no"
)

// reactionSource is the Quote.Source of a "not quite" comment kept on the request.
const reactionSource = "reaction"

const maxReactionComment = 2000

// ReactionTarget is what the reaction page shows about the email being answered:
// the card it was about and the answer given so far ("" for none). It names nobody.
type ReactionTarget struct {
	DeliveryID uuid.UUID
	CardID     uuid.UUID
	CardTitle  string
	BoardName  string
	Answer     string
	Comment    string
}

// Reaction is one requester's answer about one card, for the team.
type Reaction struct {
	DeliveryID uuid.UUID
	CardID     uuid.UUID
	Requester  *Requester // nil once the person is erased
	Answer     string
	Comment    string
	AnsweredAt time.Time
}

// reactionDelivery is the shipped delivery an answer is about.
type reactionDelivery struct {
	CardID      uuid.UUID
	BoardID     uuid.UUID
	RequesterID *uuid.UUID
	Title       string
	BoardName   string
	Answer      *string
	Comment     *string
}

// findReactionDelivery reads a shipped delivery with its current answer; lock adds
// FOR UPDATE on the delivery row. An erased person's delivery is not found: there is
// nobody left whose answer it would be.
func (s *Service) findReactionDelivery(ctx context.Context, deliveryID uuid.UUID, lock bool) (reactionDelivery, error) {
	q := `SELECT d.card_id, c.board_id, d.requester_id, c.title, b.name AS board_name, r.answer, r.comment
FROM deliveries d JOIN cards c ON c.id = d.card_id JOIN boards b ON b.id = c.board_id
LEFT JOIN reactions r ON r.delivery_id = d.id
WHERE d.id = ? AND d.kind = 'shipped' AND d.requester_id IS NOT NULL`
	if lock {
		q += ` FOR UPDATE OF d`
	}
	var rows []reactionDelivery
	if err := s.db.conn(ctx).Raw(q, deliveryID).Scan(&rows).Error; err != nil {
		return reactionDelivery{}, err
	}
	if len(rows) == 0 {
		return reactionDelivery{}, NotFound("email")
	}
	return rows[0], nil
}

// ReactionTarget returns what the reaction page of a delivery shows; nothing is recorded.
func (s *Service) ReactionTarget(ctx context.Context, deliveryID uuid.UUID) (ReactionTarget, error) {
	d, err := s.findReactionDelivery(ctx, deliveryID, false)
	if err != nil {
		return ReactionTarget{}, err
	}
	return d.target(deliveryID), nil
}

func (d reactionDelivery) target(id uuid.UUID) ReactionTarget {
	t := ReactionTarget{DeliveryID: id, CardID: d.CardID, CardTitle: d.Title, BoardName: d.BoardName}
	if d.Answer != nil {
		t.Answer = *d.Answer
	}
	if d.Comment != nil {
		t.Comment = *d.Comment
	}
	return t
}

// RecordReaction records the requester's answer to the shipped email deliveryID:
// one answer per delivery, a later one replacing it (and the card's counts moving
// with it). A "not quite" comment is also kept as a quote on their request, so the
// team sees it beside what they first asked. Subscribers hear reaction.received.
func (s *Service) RecordReaction(ctx context.Context, deliveryID uuid.UUID, answer, comment string) (ReactionTarget, error) {
	p := Problems{}
	if answer != AnswerYes && answer != AnswerNo {
		p.Add("answer", "must be yes or no")
	}
	comment = checkRequestText(p, "comment", comment, maxReactionComment, true)
	if err := p.Err(); err != nil {
		return ReactionTarget{}, err
	}
	var out ReactionTarget
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		d, err := s.findReactionDelivery(ctx, deliveryID, false)
		if err != nil {
			return err
		}
		// Lock order card, then delivery — the order erasure takes (cards, then its
		// deliveries) — so an answer and an erasure never deadlock.
		card, err := s.lockCardForRequests(ctx, d.CardID)
		if err != nil {
			return err
		}
		if d, err = s.findReactionDelivery(ctx, deliveryID, true); err != nil {
			return err
		}
		db := s.db.conn(ctx)
		now := s.now()
		if err := db.Exec(`INSERT INTO reactions (delivery_id, card_id, requester_id, answer, comment, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (delivery_id) DO UPDATE SET answer = EXCLUDED.answer, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
			deliveryID, d.CardID, d.RequesterID, answer, comment, now, now).Error; err != nil {
			return err
		}
		yes, no := countDelta(d.Answer, answer)
		if yes != 0 || no != 0 {
			if err := db.Exec(`UPDATE cards SET reactions_yes = reactions_yes + ?, reactions_no = reactions_no + ? WHERE id = ?`,
				yes, no, d.CardID).Error; err != nil {
				return err
			}
		}
		if answer == AnswerNo && comment != "" {
			if err := s.keepReactionQuote(ctx, d.CardID, *d.RequesterID, comment, now); err != nil {
				return err
			}
		}
		act := s.newRequestActivity(d.CardID, card.BoardID, Actor{Name: "requester"}, "reaction_received",
			map[string]any{"requester_id": *d.RequesterID, "answer": answer})
		if err := s.recordRequestActivity(ctx, act); err != nil {
			return err
		}
		d.Answer, d.Comment = &answer, &comment
		out = d.target(deliveryID)
		if len(s.sinks) == 0 {
			return nil
		}
		c, err := s.Card(ctx, d.CardID) // as the answer left it, counts included
		if err != nil {
			return err
		}
		return s.publish(ctx, Actor{Name: "requester"}, Event{Type: EventReactionReceived, Card: &c,
			RequesterID: *d.RequesterID, Reaction: &EventReaction{Answer: answer, Comment: comment}})
	})
	return out, err
}

// countDelta is how the card's yes and no counts change when old (nil: none) becomes answer.
func countDelta(old *string, answer string) (yes, no int) {
	if old != nil && *old == answer {
		return 0, 0
	}
	if answer == AnswerYes {
		yes++
	} else {
		no++
	}
	if old != nil {
		if *old == AnswerYes {
			yes--
		} else {
			no--
		}
	}
	return yes, no
}

// keepReactionQuote adds a "not quite" comment to the request's quotes (and makes it
// the latest quote), once: posting the same words again adds nothing. A request the
// team has unlinked meanwhile is left alone; the answer itself is still kept.
func (s *Service) keepReactionQuote(ctx context.Context, cardID, requesterID uuid.UUID, comment string, at time.Time) error {
	q := Quotes{{Text: comment, Source: reactionSource, LinkedBy: "requester", At: at}}
	probe, err := json.Marshal([]map[string]string{{"text": comment, "source": reactionSource}})
	if err != nil {
		return err
	}
	return s.db.conn(ctx).Exec(`UPDATE requests SET quotes = quotes || ?::jsonb, quote = ?, updated_at = ?
WHERE card_id = ? AND requester_id = ? AND NOT quotes @> ?::jsonb`, q, comment, at, cardID, requesterID, string(probe)).Error
}
