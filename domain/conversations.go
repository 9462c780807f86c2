package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Conversation is a link to a support conversation about a card, usually with one requester.
type Conversation struct {
	ID             uuid.UUID
	CardID         uuid.UUID
	RequesterID    *uuid.UUID
	RequesterEmail string // filled by lists, for display
	RequesterName  string
	URL            string
	Tool           string // one of ConversationTools
	ExternalID     string // the conversation's id in Tool ("" when the link does not show one)
	Excerpt        string
	CreatedAt      time.Time
}

// AddConversationInput links a conversation to a card.
type AddConversationInput struct {
	URL string
	// RequesterEmail ties the conversation to that person. An unknown address creates the
	// requester, but no request: only POST /cards/{id}/requests says "they asked for it".
	RequesterEmail string
	Excerpt        string
}

// AddConversation records a conversation link on a card. The same URL on the same card
// is one conversation: adding it again returns the existing one (created=false), with a
// missing requester or excerpt filled in.
func (s *Service) AddConversation(ctx context.Context, actor Actor, cardID uuid.UUID, in AddConversationInput) (Conversation, bool, error) {
	p := Problems{}
	conv := Conversation{CardID: cardID, URL: strings.TrimSpace(in.URL)}
	tool, ext, err := ParseConversationURL(in.URL)
	if err != nil {
		p.Add("url", err.Error())
	}
	conv.Tool, conv.ExternalID = tool, ext
	email := ""
	if strings.TrimSpace(in.RequesterEmail) != "" {
		email = checkEmail(p, "requester_email", in.RequesterEmail)
	}
	conv.Excerpt = checkRequestText(p, "excerpt", in.Excerpt, maxExcerpt, true)
	if err := p.Err(); err != nil {
		return Conversation{}, false, err
	}
	var created bool
	err = s.db.WithTx(ctx, func(ctx context.Context) error {
		if email != "" {
			r, err := s.upsertRequester(ctx, email, "", "")
			if err != nil {
				return err
			}
			conv.RequesterID = &r.ID
		}
		var cards []requestCard
		err := s.db.conn(ctx).Raw(`SELECT id, board_id, archived_at FROM cards WHERE id = ?`, cardID).Scan(&cards).Error
		if err != nil {
			return err
		}
		if len(cards) == 0 {
			return NotFound("card")
		}
		if cards[0].ArchivedAt != nil {
			return Conflict("the card is archived; it takes no new conversations")
		}
		if conv, created, err = s.insertConversation(ctx, conv); err != nil {
			return err
		}
		if !created {
			return nil
		}
		return s.recordRequestActivity(ctx, s.newRequestActivity(cardID, cards[0].BoardID, actor, "conversation_linked",
			map[string]any{"conversation_id": conv.ID, "tool": conv.Tool, "requester_id": conv.RequesterID}))
	})
	return conv, created, err
}

// insertConversation inserts c (already validated) or returns the card's existing
// conversation with the same URL, filling its requester and excerpt when it had none.
func (s *Service) insertConversation(ctx context.Context, c Conversation) (Conversation, bool, error) {
	var row struct {
		Conversation `gorm:"embedded"`
		Inserted     bool
	}
	err := s.db.conn(ctx).Raw(`
INSERT INTO conversations AS v (id, card_id, requester_id, url, tool, external_id, excerpt, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (card_id, url) DO UPDATE SET
    requester_id = COALESCE(v.requester_id, EXCLUDED.requester_id),
    excerpt = CASE WHEN v.excerpt = '' THEN EXCLUDED.excerpt ELSE v.excerpt END
RETURNING v.id, v.card_id, v.requester_id, v.url, v.tool, v.external_id, v.excerpt, v.created_at, (v.xmax = 0) AS inserted`,
		newID(), c.CardID, c.RequesterID, c.URL, c.Tool, c.ExternalID, c.Excerpt, s.now()).Scan(&row).Error
	return row.Conversation, row.Inserted, storeErr(err, "conversation")
}

// ListConversations pages through a card's conversations, newest first.
func (s *Service) ListConversations(ctx context.Context, cardID uuid.UUID, page Page) (List[Conversation], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[Conversation]{}, err
	}
	if err := s.cardExists(ctx, cardID); err != nil {
		return List[Conversation]{}, err
	}
	q := s.db.conn(ctx).Table("conversations AS v").
		Select(`v.id, v.card_id, v.requester_id, v.url, v.tool, v.external_id, v.excerpt, v.created_at,
    COALESCE(q.email, '') AS requester_email, COALESCE(q.name, '') AS requester_name`).
		Joins("LEFT JOIN requesters q ON q.id = v.requester_id").
		Where("v.card_id = ?", cardID)
	return newestFirst(q, "v.created_at", "v.id", pg, func(c Conversation) timeKey { return timeKey{At: c.CreatedAt, ID: c.ID} })
}

// cardExists answers NotFound for an unknown card (archived cards still have their lists).
func (s *Service) cardExists(ctx context.Context, cardID uuid.UUID) error {
	var n int64
	if err := s.db.conn(ctx).Raw(`SELECT count(*) FROM cards WHERE id = ?`, cardID).Scan(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return NotFound("card")
	}
	return nil
}
