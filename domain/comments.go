package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm/clause"
)

// Comment is an internal note on a card, for the team only. AuthorID is the member who
// wrote it (nil for an API token, an imported comment or a deleted member); Author is the
// name shown, as it was when written.
type Comment struct {
	ID       uuid.UUID
	CardID   uuid.UUID
	AuthorID *uuid.UUID
	// AuthorTokenID is the API token that wrote it (never shown; it lets that token edit it).
	AuthorTokenID *uuid.UUID `json:"-"`
	Author        string
	Body          string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

const maxCommentBody = 10000

// Comment events: a note was written, edited or deleted (Event.Comment is it, Card its card).
const (
	EventCommentCreated = "comment.created"
	EventCommentUpdated = "comment.updated"
	EventCommentDeleted = "comment.deleted"
)

func checkCommentBody(p Problems, body string) string {
	body = checkText(p, "body", body, maxCommentBody)
	if _, bad := p["body"]; !bad && isBlank(body) {
		p.Add("body", "is required")
	}
	return body
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
	}
	return true
}

// AddComment writes a note on a card (archived ones too: their history stays open).
func (s *Service) AddComment(ctx context.Context, actor Actor, cardID uuid.UUID, body string) (Comment, error) {
	p := Problems{}
	body = checkCommentBody(p, body)
	if err := p.Err(); err != nil {
		return Comment{}, err
	}
	now := s.now()
	cm := Comment{ID: newID(), CardID: cardID, Author: actorOr(actor), Body: body, CreatedAt: now, UpdatedAt: now}
	if actor.MemberID != uuid.Nil {
		id := actor.MemberID
		cm.AuthorID = &id
	}
	if actor.TokenID != uuid.Nil {
		id := actor.TokenID
		cm.AuthorTokenID = &id
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		card, err := s.Card(ctx, cardID)
		if err != nil {
			return err
		}
		if err := s.db.conn(ctx).Create(&cm).Error; err != nil {
			return storeErr(err, "comment")
		}
		if err := s.record(ctx, actor, card, "commented", nil, nil, ActivityDetail{"comment_id": cm.ID}); err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventCommentCreated, Card: &card, Comment: &cm})
	})
	return cm, err
}

// ListComments returns a card's comments, oldest first (a thread reads top down).
func (s *Service) ListComments(ctx context.Context, cardID uuid.UUID, page Page) (List[Comment], error) {
	ks, err := checkPage[timeKey](page)
	if err != nil {
		return List[Comment]{}, err
	}
	if _, err := s.Card(ctx, cardID); err != nil {
		return List[Comment]{}, err
	}
	q := s.db.conn(ctx).Table("comments").Where("card_id = ?", cardID)
	if ks.after != nil {
		q = q.Where("(created_at, id) > (?, ?)", ks.after.At, ks.after.ID)
	}
	var rows []Comment
	if err := q.Order("created_at, id").Limit(ks.limit + 1).Scan(&rows).Error; err != nil {
		return List[Comment]{}, err
	}
	return listOf(rows, ks.limit, func(c Comment) any { return timeKey{At: c.CreatedAt, ID: c.ID} },
		func(c Comment) Comment { return c }), nil
}

// lockComment reads a comment FOR UPDATE and checks that actor may change it: its
// author (the member, or the API token, that wrote it), or an admin.
func (s *Service) lockComment(ctx context.Context, actor Actor, id uuid.UUID) (Comment, Card, error) {
	var cm Comment
	err := s.db.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", id).Take(&cm).Error
	if err != nil {
		return Comment{}, Card{}, storeErr(err, "comment")
	}
	own := actor.MemberID != uuid.Nil && cm.AuthorID != nil && *cm.AuthorID == actor.MemberID ||
		actor.TokenID != uuid.Nil && cm.AuthorTokenID != nil && *cm.AuthorTokenID == actor.TokenID
	if !own && actor.Role.Valid() && !actor.Role.Includes(RoleAdmin) {
		return Comment{}, Card{}, Forbidden("only the comment's author or an admin can change it")
	}
	card, err := s.Card(ctx, cm.CardID)
	return cm, card, err
}

// UpdateComment changes a comment's body (its author or an admin).
func (s *Service) UpdateComment(ctx context.Context, actor Actor, id uuid.UUID, body string) (Comment, error) {
	p := Problems{}
	body = checkCommentBody(p, body)
	if err := p.Err(); err != nil {
		return Comment{}, err
	}
	var cm Comment
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var card Card
		var err error
		if cm, card, err = s.lockComment(ctx, actor, id); err != nil || cm.Body == body {
			return err
		}
		cm.Body, cm.UpdatedAt = body, s.now()
		if err := s.db.conn(ctx).Model(&Comment{}).Where("id = ?", id).
			Updates(map[string]any{"body": body, "updated_at": cm.UpdatedAt}).Error; err != nil {
			return err
		}
		if err := s.record(ctx, actor, card, "comment_edited", nil, nil, ActivityDetail{"comment_id": id}); err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventCommentUpdated, Card: &card, Comment: &cm})
	})
	return cm, err
}

// DeleteComment removes a comment (its author or an admin).
func (s *Service) DeleteComment(ctx context.Context, actor Actor, id uuid.UUID) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		cm, card, err := s.lockComment(ctx, actor, id)
		if err != nil {
			return err
		}
		if err := s.db.conn(ctx).Exec(`DELETE FROM comments WHERE id = ?`, id).Error; err != nil {
			return err
		}
		if err := s.record(ctx, actor, card, "comment_deleted", nil, nil, ActivityDetail{"comment_id": id}); err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventCommentDeleted, Card: &card, Comment: &cm})
	})
}
