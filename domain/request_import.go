package domain

import (
	"context"
	"strings"

	"github.com/google/uuid"
)

// RequestImportRow is one row of a requests spreadsheet. Card names the card by
// number ("12"), reference ("closeloop-12"), id, or exact title.
type RequestImportRow struct {
	Row                                                        int // 1 = the first row after the header
	Line                                                       int // the line of the file it starts on (the header is line 1)
	Email, Name, Company, Card, Quote, Source, ConversationURL string
}

// RowError is what is wrong with one row.
type RowError struct {
	Row     int
	Line    int
	Field   string
	Message string
}

// RequestImportResult says what an import of requests did (or, dry, would do).
type RequestImportResult struct {
	Rows          int // data rows read
	Linked        int // rows linked (or that would be)
	NewRequests   int // of them, people who had not asked for that card before
	NewRequesters int // people Closeloop did not know
	ShippedEmails int // new requests of cards that had shipped: each gets the shipped email now
	Errors        []RowError
	DryRun        bool
}

// RequestSources are the values of a request's source.
var RequestSources = []string{"intercom", "zendesk", "freshdesk", "helpscout", "front", "email", "phone", "meeting",
	"chat", "roadmap", "import", "other"}

// linkRow is a row that passed the field checks.
type linkRow struct {
	RequestImportRow
	ref              cardRef
	tool, externalID string
	card             resolvedCard
}

// checkRequestRows validates each row's fields as LinkRequest would; bad rows go to
// errs (the first problem of each field).
func checkRequestRows(rows []RequestImportRow) (good []linkRow, errs []RowError) {
	for _, raw := range rows {
		p := Problems{}
		r := linkRow{RequestImportRow: raw}
		r.Email = checkEmail(p, "email", raw.Email)
		r.Name = checkRequestText(p, "name", raw.Name, maxPersonName, false)
		r.Company = checkRequestText(p, "company", raw.Company, maxCompany, false)
		r.Quote = checkRequestText(p, "quote", raw.Quote, maxQuote, true)
		if u := strings.TrimSpace(raw.ConversationURL); u != "" {
			tool, ext, err := ParseConversationURL(u)
			if err != nil {
				p.Add("conversation_url", err.Error())
			}
			r.ConversationURL, r.tool, r.externalID = u, tool, ext
		}
		r.Source = strings.ToLower(strings.TrimSpace(raw.Source))
		switch {
		case r.Source == "" && r.tool != "" && r.tool != ToolOther:
			r.Source = r.tool
		case r.Source == "":
			r.Source = "import"
		case !containsString(RequestSources, r.Source):
			p.Add("source", "must be one of "+strings.Join(RequestSources, ", ")+" (or empty)")
		}
		var ok bool
		if r.ref, ok = parseCardRef(raw.Card); !ok {
			p.Add("card", "is required: a card number (12), reference (closeloop-12), id or exact title")
		}
		if len(p) > 0 {
			errs = append(errs, rowErrors(raw, p)...)
			continue
		}
		good = append(good, r)
	}
	return good, errs
}

func rowErrors(raw RequestImportRow, p Problems) []RowError {
	var out []RowError
	for _, f := range []string{"email", "name", "company", "card", "quote", "source", "conversation_url"} {
		if msg, bad := p[f]; bad {
			out = append(out, RowError{Row: raw.Row, Line: raw.Line, Field: f, Message: msg})
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pair is one card × requester.
type pair struct{ card, requester uuid.UUID }

// ImportRequests links the rows' people to their cards: every row is checked first;
// rows with a problem are listed (row, field, message) and nothing of them is
// written; all the others are linked in one transaction, so a failure leaves none of
// them half-written. Linking works as LinkRequest does, in bulk: people are found
// or created by address, one request per person and card (a quote given again is
// kept too), the conversation recorded, and new requesters of a card that had
// shipped get the shipped email. dryRun checks and counts, writing nothing.
func (s *Service) ImportRequests(ctx context.Context, actor Actor, rows []RequestImportRow, dryRun bool) (RequestImportResult, error) {
	res := RequestImportResult{Rows: len(rows), DryRun: dryRun, Errors: []RowError{}}
	good, errs := checkRequestRows(rows)
	res.Errors = append(res.Errors, errs...)
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if good, err = s.resolveRows(ctx, good, &res); err != nil {
			return err
		}
		if dryRun {
			return s.countRequestImport(ctx, good, &res)
		}
		return s.writeRequestImport(ctx, actor, good, &res)
	})
	sortRowErrors(res.Errors)
	return res, err
}
