package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// RecordInbound records one verified event of an integration and links what it names,
// in one transaction: the event log line and, for a card reference with a customer
// email, the request through LinkRequest (the support form's own code: a late
// requester of a shipped card gets the shipped email) and its conversation. The tool
// is answered after this commits.
//
// A redelivery (the same tool event id, else the same conversation and card) changes
// nothing and is logged as duplicate. Same-key events queue on a transaction-level
// advisory lock, so two copies delivered at once (or to two replicas) link once.
func (s *Service) RecordInbound(ctx context.Context, integ Integration, ev InboundEvent) (InboundResult, error) {
	ev = ev.cleaned()
	source := ev.Source
	if !containsString(RequestSources, source) {
		source = integ.Kind
		if !containsString(RequestSources, source) {
			source = ToolOther
		}
	}
	actor := Actor{Name: integ.Name + " (" + integ.Kind + ")", Role: RoleSupport}
	var res InboundResult
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		row := inboundRow{ID: newID(), IntegrationID: integ.ID, ReceivedAt: s.now(), ExternalID: ev.EventID,
			RequesterEmail: ev.Email, RequesterName: ev.Name, Quote: ev.Quote, ConversationURL: ev.ConversationURL}
		row.ConversationKey = ev.ConversationID
		if row.ConversationKey == "" {
			row.ConversationKey = ev.ConversationURL
		}
		if row.ConversationKey == "" && ev.Email != "" {
			row.ConversationKey = "email:" + normalEmail(ev.Email)
		}
		// The lock of this conversation on the card is taken by the statement that
		// reads the card; without a card (or a conversation), the event id's lock.
		convLock := ""
		if row.ConversationKey != "" {
			convLock = "inbound|" + integ.ID.String() + "|conversation|" + row.ConversationKey + "|"
		}
		card, detail, err := s.inboundCard(ctx, ev, convLock)
		if err != nil {
			return err
		}
		if card != nil {
			row.CardID = &card.ID
		}
		if (card == nil || convLock == "") && ev.EventID != "" {
			if err := db.Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, "inbound|"+integ.ID.String()+"|event|"+ev.EventID).Error; err != nil {
				return err
			}
		}
		dup, err := s.inboundSeen(ctx, integ.ID, ev.EventID, row.ConversationKey, card)
		if err != nil {
			return err
		}
		switch {
		case dup != "":
			row.Outcome, row.Detail = OutcomeDuplicate, dup
			row.ExternalID = ev.EventID
		case len(ev.References) == 0 && ev.CardID == uuid.Nil:
			row.Outcome, row.Detail = OutcomeNoReference, "no closeloop-N reference in the tags or notes"
		case card == nil:
			row.Outcome, row.Detail = OutcomeUnknownCard, detail
		default:
			in, problem := inboundLinkInput(ev, source)
			if problem != "" {
				row.Outcome, row.Detail = OutcomeUnmatched, problem
				break
			}
			if ev.ExternalUserID != "" {
				in.customerRef = &customerRef{tool: integ.Kind, id: ev.ExternalUserID}
			}
			link, err := s.LinkRequest(ctx, actor, card.ID, in)
			if err != nil {
				return err
			}
			row.Outcome, row.RequesterID = OutcomeLinked, &link.Requester.ID
			row.Detail = fmt.Sprintf("linked %s to closeloop-%d", link.Requester.Email, card.Number)
			if !link.Created {
				row.Detail += " (had asked before; quote added)"
			}
			if link.CardShipped && link.Created {
				row.Detail += "; the card has shipped: the shipped email is on its way"
			}
		}
		return s.insertInbound(ctx, row, &res)
	})
	return res, err
}

// inboundRow is a row of inbound_events.
type inboundRow struct {
	ID              uuid.UUID
	IntegrationID   uuid.UUID
	ReceivedAt      time.Time
	ExternalID      string
	ConversationKey string
	Outcome         string
	CardID          *uuid.UUID
	RequesterID     *uuid.UUID
	RequesterEmail  string
	RequesterName   string
	Quote           string
	ConversationURL string
	Detail          string
}

func (s *Service) insertInbound(ctx context.Context, row inboundRow, res *InboundResult) error {
	r := s.db.conn(ctx).Exec(`INSERT INTO inbound_events (id, integration_id, received_at, external_id, conversation_key, outcome,
 card_id, requester_id, requester_email, requester_name, quote, conversation_url, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (integration_id, external_id) WHERE external_id <> '' AND outcome <> 'duplicate' DO NOTHING`,
		row.ID, row.IntegrationID, row.ReceivedAt, row.ExternalID, row.ConversationKey, row.Outcome, row.CardID, row.RequesterID,
		row.RequesterEmail, row.RequesterName, row.Quote, row.ConversationURL, row.Detail)
	if r.Error != nil {
		return r.Error
	}
	if r.RowsAffected == 0 {
		// The same event id under another lock key (it cannot be, short of a tool
		// changing the payload of a redelivery): undo and let the tool try again.
		return Conflict("the event %s is being recorded by another delivery", row.ExternalID)
	}
	*res = InboundResult{EventID: row.ID, Outcome: row.Outcome, CardID: row.CardID, Detail: row.Detail}
	return nil
}

// inboundSeen says why the event is a redelivery ("" if it is not): its event id was
// recorded, or this conversation was already linked to the card. The same statement
// holds the integration (key share, until the commit) or answers NotFound if it was
// deleted meanwhile; each arm of the redelivery test is served by its partial index
// (inbound_events_external_key, inbound_events_conversation_idx).
func (s *Service) inboundSeen(ctx context.Context, integID uuid.UUID, eventID, convKey string, card *Card) (string, error) {
	var cardID *uuid.UUID
	if card != nil && convKey != "" {
		cardID = &card.ID
	}
	var hits []struct {
		Outcome *string
		ByEvent bool
	}
	err := s.db.conn(ctx).Raw(`SELECT e.outcome, COALESCE(e.external_id = @event, false) AS by_event
FROM integrations i LEFT JOIN LATERAL (
    SELECT outcome, external_id FROM inbound_events
    WHERE integration_id = i.id AND (
        (@event <> '' AND external_id = @event AND external_id <> '' AND outcome <> 'duplicate')
     OR (CAST(@card AS uuid) IS NOT NULL AND conversation_key = @conv AND card_id = @card AND outcome = 'linked'))
    ORDER BY external_id = @event DESC LIMIT 1) e ON true
WHERE i.id = @integ FOR KEY SHARE OF i`,
		sql.Named("event", eventID), sql.Named("integ", integID), sql.Named("conv", convKey), sql.Named("card", cardID)).Scan(&hits).Error
	switch {
	case err != nil:
		return "", err
	case len(hits) == 0:
		return "", NotFound("integration")
	case hits[0].Outcome == nil:
		return "", nil
	case hits[0].ByEvent:
		return fmt.Sprintf("event %s was received before (%s)", eventID, *hits[0].Outcome), nil
	}
	return fmt.Sprintf("this conversation was already linked to closeloop-%d", card.Number), nil
}

// inboundCard finds the card the event names (its first reference); nil and why when
// there is none. A card merged into another stands for that one. With lockPrefix, the
// transaction also holds the advisory lock lockPrefix + the card's id (taken by the
// statement that reads the card: one round trip less for every event).
func (s *Service) inboundCard(ctx context.Context, ev InboundEvent, lockPrefix string) (*Card, string, error) {
	var c Card
	var err error
	q := s.db.conn(ctx).Select(cardFields)
	if lockPrefix != "" {
		q = s.db.conn(ctx).Select(cardFields+", pg_advisory_xact_lock(hashtextextended(? || id::text, 0))::text AS locked", lockPrefix)
	}
	switch {
	case ev.CardID != uuid.Nil:
		err = storeErr(q.Where("id = ?", ev.CardID).Take(&c).Error, "card")
	case len(ev.References) > 0:
		err = storeErr(q.Where("number = ?", ev.References[0]).Take(&c).Error, "card")
	default:
		return nil, "", nil
	}
	name := fmt.Sprintf("closeloop-%d", firstOr(ev.References))
	if ev.CardID != uuid.Nil {
		name = ev.CardID.String()
	}
	if KindOf(err) == KindNotFound {
		return nil, "no card is " + name, nil
	}
	if err != nil {
		return nil, "", err
	}
	if c.ArchivedAt != nil && c.MergedIntoID != nil {
		into, err := s.Card(ctx, *c.MergedIntoID)
		if err != nil && KindOf(err) != KindNotFound {
			return nil, "", err
		}
		if err == nil {
			c = into
			if lockPrefix != "" {
				err := s.db.conn(ctx).Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, lockPrefix+c.ID.String()).Error
				if err != nil {
					return nil, "", err
				}
			}
		}
	}
	if c.ArchivedAt != nil {
		return nil, fmt.Sprintf("closeloop-%d is archived; it takes no new requests", c.Number), nil
	}
	return &c, "", nil
}

func firstOr(refs []int64) int64 {
	if len(refs) == 0 {
		return 0
	}
	return refs[0]
}

// inboundLinkInput is the request to link, or why there is none (the event is
// unmatched: a person links it by hand). Optional fields a tool filled with what the
// support form would refuse are dropped rather than refusing the customer.
func inboundLinkInput(ev InboundEvent, source string) (LinkRequestInput, string) {
	in := LinkRequestInput{Email: ev.Email, Name: ev.Name, Company: ev.Company, Quote: ev.Quote, Source: source,
		ConversationURL: ev.ConversationURL}
	if strings.TrimSpace(in.Email) == "" {
		return in, "the payload names no customer email: link it by hand"
	}
	for range 4 {
		_, err := in.validate()
		if err == nil {
			return in, ""
		}
		var de *Error
		if !errors.As(err, &de) {
			break
		}
		fields := de.Fields
		if _, bad := fields["email"]; bad {
			return in, fmt.Sprintf("the customer email %q is not an address: link it by hand", ev.Email)
		}
		for f := range fields {
			switch f {
			case "name":
				in.Name = ""
			case "company":
				in.Company = ""
			case "quote":
				in.Quote = ""
			case "conversation_url":
				in.ConversationURL = ""
			case "source":
				in.Source = ToolOther
			}
		}
	}
	return in, "the payload could not be linked: link it by hand"
}

// cleaned trims the event's text to what the request fields hold: valid UTF-8,
// no control characters in one-line fields, cut at their length limits.
func (ev InboundEvent) cleaned() InboundEvent {
	ev.EventID = clip(oneLine(ev.EventID), 200)
	ev.ConversationID = clip(oneLine(ev.ConversationID), 200)
	ev.Email = clip(oneLine(ev.Email), 320)
	ev.Name = clip(oneLine(ev.Name), maxPersonName)
	ev.Company = clip(oneLine(ev.Company), maxCompany)
	ev.ExternalUserID = clip(oneLine(ev.ExternalUserID), 200)
	ev.Quote = clip(strings.TrimSpace(strings.ToValidUTF8(ev.Quote, "")), maxQuote)
	ev.ConversationURL = clip(oneLine(ev.ConversationURL), maxConversationURL)
	ev.Source = strings.ToLower(oneLine(ev.Source))
	if len(ev.References) > 20 {
		ev.References = ev.References[:20]
	}
	return ev
}

func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

// clip cuts s to at most n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n]))
}
