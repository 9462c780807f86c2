package domain

import (
	"fmt"
	"time"
)

// BoardImport is a whole board read from a file (a Trello export, a Closeloop board
// export), in domain terms: what StartImport checks and the import job writes. The
// parsers (package importer) fill it; nothing in it has an id yet.
type BoardImport struct {
	Kind        string // ImportTrello or ImportCloseloop
	SourceID    string // the Trello board's id: the same board is imported once
	Name        string
	Description string
	Columns     []ImportColumn
	// LabelColors are the colours the file gave its labels (name → colour), for the
	// board's label list; a label without colour is absent.
	LabelColors map[string]string
	// Skipped counts what the file held that is not imported (an action on a card
	// the file does not have, a label with neither name nor colour, …); Warnings say
	// what, in words for the person who uploaded it.
	Skipped  int
	Warnings []string
}

// ImportColumn is one column and its cards in order. Archived columns (closed Trello
// lists) are created like the others, holding only archived cards.
type ImportColumn struct {
	Name     string
	Stage    Stage
	Archived bool
	Cards    []ImportCard
}

// ImportCard is one card. ShippedAt and ReleaseNote come only from Closeloop exports
// (a card that shipped before keeps that fact; nothing is emailed for it).
type ImportCard struct {
	Kind          CardKind
	Title         string
	Description   string
	Labels        []string
	Archived      bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
	ShippedAt     *time.Time
	ReleaseNote   string
	Comments      []ImportComment
	Requests      []ImportRequest
	Conversations []ImportConversation
}

// ImportComment is a comment written elsewhere, kept with its author's name and date.
type ImportComment struct {
	Author string
	Body   string
	At     time.Time
}

// ImportRequest is a person who asked for the card, found or created by email.
type ImportRequest struct {
	Email, Name, Company string
	Quote, Source        string
	Quotes               Quotes
	LinkedBy             string
	CreatedAt            time.Time
}

// ImportConversation is a conversation link of the card, with its person if known.
type ImportConversation struct {
	URL            string
	RequesterEmail string
	Excerpt        string
	CreatedAt      time.Time
}

// Import kinds.
const (
	ImportTrello    = "trello"
	ImportCloseloop = "closeloop"
)

// ImportCounts is what an import creates (or, in a dry run, would create).
type ImportCounts struct {
	Columns       int `json:"columns"`
	Cards         int `json:"cards"`
	ArchivedCards int `json:"archived_cards"`
	Labels        int `json:"labels"`
	Comments      int `json:"comments"`
	Requests      int `json:"requests"`
	Conversations int `json:"conversations"`
	Skipped       int `json:"skipped"`
}

// Counts adds up what the board holds.
func (b *BoardImport) Counts() ImportCounts {
	c := ImportCounts{Columns: len(b.Columns), Skipped: b.Skipped}
	labels := map[string]bool{}
	for _, col := range b.Columns {
		for _, card := range col.Cards {
			if card.Archived {
				c.ArchivedCards++
			} else {
				c.Cards++
			}
			c.Comments += len(card.Comments)
			c.Requests += len(card.Requests)
			c.Conversations += len(card.Conversations)
			for _, l := range card.Labels {
				labels[l] = true
			}
		}
	}
	c.Labels = len(labels)
	return c
}

// work is how many rows the job writes, the total of its progress.
func (b *BoardImport) work() int {
	c := b.Counts()
	return c.Cards + c.ArchivedCards + c.Comments + c.Requests + c.Conversations
}

// validate checks the board as the create use cases would, naming each field by its
// place in the file ("columns[2].cards[14].title"), so that nothing is written from a
// board that could not have been typed in.
func (b *BoardImport) validate() error {
	p := Problems{}
	if b.Kind != ImportTrello && b.Kind != ImportCloseloop {
		p.Add("kind", "must be trello or closeloop")
	}
	b.Name = checkLine(p, "name", b.Name, 1, maxBoardName)
	b.Description = checkText(p, "description", b.Description, maxBoardDescription)
	switch n := len(b.Columns); {
	case n == 0:
		p.Add("columns", "the file has no lists (columns); a board needs at least one")
	case n > maxColumns:
		p.Add("columns", fmt.Sprintf("the file has %d lists; a board holds at most %d columns: archive or delete lists before exporting", n, maxColumns))
	}
	for i := range b.Columns {
		col := &b.Columns[i]
		at := fmt.Sprintf("columns[%d]", i)
		col.Name = checkLine(p, at+".name", col.Name, 1, maxColumnName)
		checkStage(p, at+".stage", col.Stage)
		for j := range col.Cards {
			col.Cards[j].validate(p, fmt.Sprintf("%s.cards[%d]", at, j))
		}
	}
	return p.Err()
}

func (c *ImportCard) validate(p Problems, at string) {
	checkKind(p, c.Kind)
	c.Title = checkLine(p, at+".title", c.Title, 1, maxTitle)
	c.Description = checkText(p, at+".description", c.Description, maxDescription)
	c.ReleaseNote = checkText(p, at+".release_note", c.ReleaseNote, maxReleaseNote)
	c.Labels = checkLabels(p, c.Labels)
	if msg, bad := p["labels"]; bad {
		delete(p, "labels")
		p.Add(at+".labels", msg)
	}
	for k := range c.Comments {
		cm := &c.Comments[k]
		cm.Author = checkLine(p, fmt.Sprintf("%s.comments[%d].author", at, k), cm.Author, 1, 100)
		cm.Body = checkText(p, fmt.Sprintf("%s.comments[%d].body", at, k), cm.Body, 10000)
	}
	for k := range c.Requests {
		r := &c.Requests[k]
		f := fmt.Sprintf("%s.requests[%d].", at, k)
		r.Email = checkEmail(p, f+"email", r.Email)
		r.Name = checkRequestText(p, f+"name", r.Name, maxPersonName, false)
		r.Company = checkRequestText(p, f+"company", r.Company, maxCompany, false)
		r.Quote = checkRequestText(p, f+"quote", r.Quote, maxQuote, true)
		r.Source = checkRequestText(p, f+"source", r.Source, maxSource, false)
	}
	for k := range c.Conversations {
		cv := &c.Conversations[k]
		if _, _, err := ParseConversationURL(cv.URL); err != nil {
			p.Add(fmt.Sprintf("%s.conversations[%d].url", at, k), err.Error())
		}
		if cv.RequesterEmail != "" {
			cv.RequesterEmail = checkEmail(p, fmt.Sprintf("%s.conversations[%d].requester_email", at, k), cv.RequesterEmail)
		}
	}
}
