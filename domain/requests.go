package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Request is the link "this requester asked for this card", with every quote they gave.
type Request struct {
	CardID        uuid.UUID
	Requester     Requester
	Quote         string // the latest non-empty quote
	Source        string // where the request first came from
	Quotes        Quotes
	LinkedBy      string
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Conversations []Conversation // this requester's conversations on the card (lists only)
}

// LinkRequestInput is what support knows when linking a person to a card.
type LinkRequestInput struct {
	Email           string
	Name            string // replaces the stored name when given
	Company         string // replaces the stored company when given
	Quote           string
	Source          string // one of RequestSources; empty ⇒ the conversation's tool, else "other"
	ConversationURL string // optional; also recorded as a conversation of this card and requester

	customerRef *customerRef // a help desk's id of the customer (inbound events), kept in external_ids
}

// customerRef is one tool's id of a requester.
type customerRef struct{ tool, id string }

// LinkResult says what LinkRequest did.
type LinkResult struct {
	Request
	Created      bool          // a new link (false: the person had already asked; the quote was added)
	CardShipped  bool          // the card had already shipped (the shipped email is on its way)
	Conversation *Conversation // the conversation recorded from ConversationURL
}

type linkInput struct {
	LinkRequestInput
	tool, externalID string
}

func (in LinkRequestInput) validate() (linkInput, error) {
	p := Problems{}
	out := linkInput{LinkRequestInput: in}
	out.Email = checkEmail(p, "email", in.Email)
	out.Name = checkRequestText(p, "name", in.Name, maxPersonName, false)
	out.Company = checkRequestText(p, "company", in.Company, maxCompany, false)
	out.Quote = checkRequestText(p, "quote", in.Quote, maxQuote, true)
	if strings.TrimSpace(in.ConversationURL) != "" {
		tool, ext, err := ParseConversationURL(in.ConversationURL)
		if err != nil {
			p.Add("conversation_url", err.Error())
		}
		out.ConversationURL, out.tool, out.externalID = strings.TrimSpace(in.ConversationURL), tool, ext
	} else {
		out.ConversationURL = ""
	}
	out.Source = checkSource(p, in.Source, out.tool)
	return out, p.Err()
}

// checkSource gives a request's source: one of RequestSources, or when empty the tool
// of its conversation link (a phone call or a meeting has none: "other").
func checkSource(p Problems, raw, tool string) string {
	s := strings.ToLower(strings.TrimSpace(raw))
	switch {
	case s == "" && tool != "":
		return tool
	case s == "":
		return ToolOther
	case !containsString(RequestSources, s):
		p.Add("source", "must be one of "+strings.Join(RequestSources, ", ")+" (or empty: the link's tool, else other)")
	}
	return s
}

// LinkRequest records that the person with this address asked for the card: the
// requester is found or created by address, and linked to the card once. Linking again
// keeps the new quote too. A new link on a card that has already shipped tells the
// notifier in the same transaction, so the shipped email goes out exactly once.
// Archived cards take no new requests (a Conflict).
func (s *Service) LinkRequest(ctx context.Context, actor Actor, cardID uuid.UUID, raw LinkRequestInput) (LinkResult, error) {
	in, err := raw.validate()
	if err != nil {
		return LinkResult{}, err
	}
	var res LinkResult
	err = s.db.WithTx(ctx, func(ctx context.Context) error {
		// Lock order: requester (by the upsert), then card. EraseRequester takes the same order.
		r, err := s.upsertRequesterRef(ctx, in.Email, in.Name, in.Company, in.customerRef)
		if err != nil {
			return err
		}
		card, err := s.lockCardForRequests(ctx, cardID)
		if err != nil {
			return err
		}
		if card.ArchivedAt != nil {
			return Conflict("the card is archived; it takes no new requests")
		}
		req, created, err := s.upsertRequest(ctx, actor, cardID, r.ID, in.Quote, in.Source)
		if err != nil {
			return err
		}
		req.Requester = r
		res = LinkResult{Request: req, Created: created, CardShipped: card.ShippedAt != nil}
		if created {
			if card.ShippedAt != nil {
				if err := s.takeLateEmail(ctx, actor); err != nil {
					return err
				}
				tx, err := sqlTx(ctx)
				if err != nil {
					return err
				}
				if err := s.notifier.RequesterJoinedShippedCard(ctx, tx, cardID, r.ID); err != nil {
					return err
				}
			}
		}
		if in.ConversationURL != "" {
			conv, _, err := s.insertConversation(ctx, Conversation{CardID: cardID, RequesterID: &r.ID,
				URL: in.ConversationURL, Tool: in.tool, ExternalID: in.externalID, Excerpt: in.Quote})
			if err != nil {
				return err
			}
			res.Conversation = &conv
		}
		err = s.recordRequestActivity(ctx, s.newRequestActivity(cardID, card.BoardID, actor, "request_linked",
			map[string]any{"requester_id": r.ID, "new": created, "source": in.Source}))
		if err != nil {
			return err
		}
		return s.publish(ctx, actor, Event{Type: EventRequestLinked, BoardID: card.BoardID, CardID: cardID, RequesterID: r.ID})
	})
	return res, err
}

// upsertRequest inserts the card × requester link, or appends the quote to an existing
// one; a new link counts on the card in the same statement (the card is locked).
func (s *Service) upsertRequest(ctx context.Context, actor Actor, cardID, requesterID uuid.UUID, quote, source string) (Request, bool, error) {
	now := s.now()
	quotes := Quotes{}
	if quote != "" {
		quotes = Quotes{{Text: quote, Source: source, LinkedBy: actor.Label(), At: now}}
	}
	var row requestRow
	// xmax = 0 only on a freshly inserted row: it tells a new link from an existing one.
	err := s.db.conn(ctx).Raw(`
WITH r AS (
    INSERT INTO requests AS r (card_id, requester_id, quote, source, quotes, linked_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
    ON CONFLICT (card_id, requester_id) DO UPDATE SET
        quotes = r.quotes || EXCLUDED.quotes,
        quote = CASE WHEN EXCLUDED.quote <> '' THEN EXCLUDED.quote ELSE r.quote END,
        source = CASE WHEN r.source = '' THEN EXCLUDED.source ELSE r.source END,
        updated_at = EXCLUDED.updated_at
    RETURNING r.card_id, r.requester_id, r.quote, r.source, r.quotes, r.linked_by, r.created_at, r.updated_at, (r.xmax = 0) AS inserted
), counted AS (
    UPDATE cards SET requester_count = requester_count + 1 WHERE id = ? AND (SELECT inserted FROM r)
)
SELECT * FROM r`,
		cardID, requesterID, quote, source, quotes, actor.Label(), now, now, cardID).Scan(&row).Error
	return row.toRequest(), row.Inserted, storeErr(err, "request")
}

// UnlinkRequest removes a requester from a card (their conversations on it stay).
func (s *Service) UnlinkRequest(ctx context.Context, actor Actor, cardID, requesterID uuid.UUID) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		card, err := s.lockCardForRequests(ctx, cardID)
		if err != nil {
			return err
		}
		del := s.db.conn(ctx).Exec(`DELETE FROM requests WHERE card_id = ? AND requester_id = ?`, cardID, requesterID)
		if del.Error != nil {
			return del.Error
		}
		if del.RowsAffected == 0 {
			return NotFound("request")
		}
		err = s.db.conn(ctx).Exec(`UPDATE cards SET requester_count = GREATEST(requester_count - 1, 0) WHERE id = ?`, cardID).Error
		if err != nil {
			return err
		}
		return s.recordRequestActivity(ctx, s.newRequestActivity(cardID, card.BoardID, actor, "request_unlinked",
			map[string]any{"requester_id": requesterID}))
	})
}
