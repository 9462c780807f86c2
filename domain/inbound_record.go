package domain

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// RecordInbound records one verified event of an integration, answering what came of
// it; the tool is answered after the row commits. The row is the event log's line and,
// for a card reference with a customer email, the link still to make: a linker of the
// process (inbound_link.go) makes it after the answer, through LinkRequest (the support
// form's own code: a late requester of a shipped card gets the shipped email) and
// records what it made on the same row. Such an event is logged `linked` at once.
//
// Two statements, no transaction: one reads the card, whether the event was seen
// before and the integration's secret; the other inserts the row. A redelivery (the
// same tool event id, else the same conversation and card, linked or still linking, or
// waiting to be linked by hand when this copy cannot be linked either) changes nothing
// and is logged as duplicate: Help Scout and Freshdesk give no event id, and each
// redelivery of an event without an email would otherwise be one more line to link by
// hand. A later event of that conversation that names the email links. Two copies at
// once cannot both insert a row that counts (unique indexes inbound_events_external_key
// and inbound_events_conversation_key): the second waits for the first's commit and
// reads again, finding it.
//
// integ.Secret is the secret the delivery was verified with: if the integration has
// another one by now (rotated on another replica), ErrIntegrationChanged and nothing
// is recorded.
func (s *Service) RecordInbound(ctx context.Context, integ Integration, ev InboundEvent) (InboundResult, error) {
	ev = ev.cleaned()
	source := ev.Source
	if !containsString(RequestSources, source) {
		source = integ.Kind
		if !containsString(RequestSources, source) {
			source = ToolOther
		}
	}
	row := inboundRow{IntegrationID: integ.ID, ExternalID: ev.EventID,
		RequesterEmail: ev.Email, RequesterName: ev.Name, Quote: ev.Quote, ConversationURL: ev.ConversationURL}
	s.inbound.answerStarted()
	defer s.inbound.answerDone()
	if err := s.inbound.enter(ctx); err != nil {
		return InboundResult{}, err
	}
	defer s.inbound.leave()
	row.ConversationKey = ev.ConversationID
	if row.ConversationKey == "" {
		row.ConversationKey = ev.ConversationURL
	}
	if row.ConversationKey == "" && ev.Email != "" {
		row.ConversationKey = "email:" + normalEmail(ev.Email)
	}
	in, problem := inboundLinkInput(ev, source)
	for attempt := 0; ; attempt++ {
		seen, err := s.inboundSeen(ctx, integ, ev, row.ConversationKey, problem != "")
		if err != nil {
			return InboundResult{}, err
		}
		row.ID, row.ReceivedAt, row.CardID, row.Link = newID(), s.now(), nil, nil
		if seen.card != nil {
			row.CardID = &seen.card.id
		}
		switch {
		case seen.dup != "":
			row.Outcome, row.Detail = OutcomeDuplicate, seen.dup
		case len(ev.References) == 0 && ev.CardID == uuid.Nil:
			row.Outcome, row.Detail = OutcomeNoReference, "no closeloop-N reference in the tags or notes"
		case seen.card == nil:
			row.Outcome, row.Detail = OutcomeUnknownCard, seen.why
		default:
			if problem != "" {
				row.Outcome, row.Detail = OutcomeUnmatched, problem
				break
			}
			row.Outcome = OutcomeLinked
			row.Detail = fmt.Sprintf("linking %s to closeloop-%d…", in.Email, seen.card.number)
			row.Link = &inboundLink{Email: in.Email, Name: in.Name, Company: in.Company, Quote: in.Quote, Source: in.Source,
				ConversationURL: in.ConversationURL, Tool: integ.Kind, CustomerID: ev.ExternalUserID}
		}
		inserted, err := s.insertInbound(ctx, row)
		if err != nil {
			return InboundResult{}, err
		}
		if inserted {
			if row.Link != nil {
				s.inbound.wakeLinker()
			}
			return InboundResult{EventID: row.ID, Outcome: row.Outcome, CardID: row.CardID, Detail: row.Detail}, nil
		}
		// Another copy's row counts for this event (or the card or integration went
		// meanwhile): read again, which finds it.
		if attempt == 3 {
			return InboundResult{}, Conflict("the event %s is being recorded by another delivery", row.ExternalID)
		}
	}
}

// ErrIntegrationChanged: the integration's secret is not the one the delivery was
// verified with (it was rotated meanwhile); verify again with the current one.
var ErrIntegrationChanged = errors.New("the integration's secret changed")

// inboundRow is a row of inbound_events.
type inboundRow struct {
	ID              uuid.UUID
	IntegrationID   uuid.UUID
	ReceivedAt      time.Time
	ExternalID      string
	ConversationKey string
	Outcome         string
	CardID          *uuid.UUID
	RequesterEmail  string
	RequesterName   string
	Quote           string
	ConversationURL string
	Detail          string
	Link            *inboundLink
}

// inboundLink is the link an event still has to make (inbound_events.link): what
// LinkRequest is given, and the tool's id of the customer.
type inboundLink struct {
	Email           string `json:"email"`
	Name            string `json:"name,omitempty"`
	Company         string `json:"company,omitempty"`
	Quote           string `json:"quote,omitempty"`
	Source          string `json:"source,omitempty"`
	ConversationURL string `json:"conversation_url,omitempty"`
	Tool            string `json:"tool"`
	CustomerID      string `json:"customer_id,omitempty"`
}

// insertInbound inserts the row in a statement of its own (committed when it returns);
// false when a unique index already has a row that counts for this event, or a row it
// refers to is gone.
func (s *Service) insertInbound(ctx context.Context, row inboundRow) (bool, error) {
	var link, after any
	if row.Link != nil {
		b, err := json.Marshal(row.Link)
		if err != nil {
			return false, err
		}
		link, after = string(b), row.ReceivedAt
	}
	r, err := s.db.conn(ctx).Statement.ConnPool.ExecContext(ctx, `INSERT INTO inbound_events (id, integration_id, received_at,
 external_id, conversation_key, outcome, card_id, requester_email, requester_name, quote, conversation_url, detail, link, link_after)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)
ON CONFLICT DO NOTHING`,
		row.ID, row.IntegrationID, row.ReceivedAt, row.ExternalID, row.ConversationKey, row.Outcome, row.CardID,
		row.RequesterEmail, row.RequesterName, row.Quote, row.ConversationURL, row.Detail, link, after)
	if sqlState(err) == "23503" { // foreign_key_violation: the card or the integration went
		return false, nil
	}
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n == 1, err
}

// sqlState is PostgreSQL's error code of err ("" if it has none).
func sqlState(err error) string {
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		return pg.SQLState()
	}
	return ""
}

// inboundCardRef is the card an event names, as the answer needs it.
type inboundCardRef struct {
	id     uuid.UUID
	number int64
}

// inboundSeenRow is what inboundSeen found.
type inboundSeenRow struct {
	card *inboundCardRef // the card the event names (the one it was merged into), nil if none takes requests
	why  string          // why card is nil
	dup  string          // why the event is a redelivery ("" if it is not)
}

// inboundSeen reads, in one statement, the card the event names (a card merged into
// another stands for that one), whether the event is a redelivery (its event id was
// recorded, or this conversation is linked to the card, or — when this copy is
// unmatched too — waits to be linked by hand to it), and whether the integration still
// exists with the secret the delivery was verified with. Each arm of the redelivery
// test is served by its index (inbound_events_external_key,
// inbound_events_conversation_key, inbound_events_unmatched_idx).
func (s *Service) inboundSeen(ctx context.Context, integ Integration, ev InboundEvent, convKey string, unmatched bool) (inboundSeenRow, error) {
	var out inboundSeenRow
	var cardArg any
	cardWhere := "c.id = $3"
	name := ""
	switch {
	case ev.CardID != uuid.Nil:
		cardArg, name = ev.CardID, ev.CardID.String()
	case len(ev.References) > 0:
		cardWhere, cardArg, name = "c.number = $3", ev.References[0], fmt.Sprintf("closeloop-%d", ev.References[0])
	default:
		cardArg = uuid.Nil
	}
	var (
		sameSecret                 bool
		cardID, intoID             *uuid.UUID
		cardNumber, intoNumber     *int64
		cardArchived, intoArchived *bool
		seenOutcome                *string
		seenByEvent                *bool
	)
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx, `SELECT i.secret = $2, c.id, c.number, c.archived_at IS NOT NULL,
    m.id, m.number, m.archived_at IS NOT NULL, e.outcome, e.by_event
FROM integrations i
LEFT JOIN cards c ON `+cardWhere+`
LEFT JOIN cards m ON c.archived_at IS NOT NULL AND m.id = c.merged_into_id
LEFT JOIN LATERAL (
    SELECT outcome, ($4 <> '' AND external_id = $4) AS by_event FROM inbound_events
    WHERE integration_id = i.id AND (
        ($4 <> '' AND external_id = $4 AND external_id <> '' AND outcome <> 'duplicate')
     OR ($5 <> '' AND conversation_key = $5 AND card_id = COALESCE(m.id, c.id) AND outcome = 'linked'
         AND COALESCE(m.archived_at, c.archived_at) IS NULL)
     OR ($6 AND $5 <> '' AND conversation_key = $5 AND card_id = COALESCE(m.id, c.id) AND outcome = 'unmatched'))
    ORDER BY ($4 <> '' AND external_id = $4) DESC LIMIT 1) e ON true
WHERE i.id = $1`, integ.ID, integ.Secret, cardArg, ev.EventID, convKey, unmatched).
		Scan(&sameSecret, &cardID, &cardNumber, &cardArchived, &intoID, &intoNumber, &intoArchived, &seenOutcome, &seenByEvent)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return out, NotFound("integration")
	case err != nil:
		return out, err
	case !sameSecret:
		return out, ErrIntegrationChanged
	}
	switch {
	case name == "":
	case cardID == nil:
		out.why = "no card is " + name
	case intoID != nil && !*intoArchived:
		out.card = &inboundCardRef{id: *intoID, number: *intoNumber}
	case intoID != nil:
		out.why = fmt.Sprintf("closeloop-%d is archived; it takes no new requests", *intoNumber)
	case *cardArchived:
		out.why = fmt.Sprintf("closeloop-%d is archived; it takes no new requests", *cardNumber)
	default:
		out.card = &inboundCardRef{id: *cardID, number: *cardNumber}
	}
	switch {
	case seenOutcome == nil:
	case *seenByEvent:
		out.dup = fmt.Sprintf("event %s was received before (%s)", ev.EventID, *seenOutcome)
	case out.card != nil && *seenOutcome == OutcomeUnmatched:
		out.dup = fmt.Sprintf("this conversation is already waiting to be linked to closeloop-%d by hand", out.card.number)
	case out.card != nil:
		out.dup = fmt.Sprintf("this conversation was already linked to closeloop-%d", out.card.number)
	}
	return out, nil
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
