package importer

import (
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// NewBoardDocument writes a board export in the document's shape.
func NewBoardDocument(x domain.BoardExport, now time.Time) BoardDocument {
	doc := BoardDocument{Format: CloseloopFormat, Version: CloseloopVersion, ExportedAt: now.UTC(),
		Board:   DocBoard{ID: x.Board.ID, Name: x.Board.Name, Description: x.Board.Description},
		Columns: []DocColumn{}, Cards: []DocCard{}}
	for _, c := range x.Board.Columns {
		doc.Columns = append(doc.Columns, DocColumn{ID: c.ID, Name: c.Name, Stage: c.Stage, Position: c.Position})
	}
	for _, c := range x.Cards {
		dc := DocCard{ID: c.ID, ColumnID: c.ColumnID, Kind: c.Kind, Title: c.Title, Description: c.Description,
			Labels: append([]string{}, c.Labels...), Archived: c.ArchivedAt != nil, ReleaseNote: c.ReleaseNote,
			ShippedAt: c.ShippedAt, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(),
			Requests: []DocRequest{}, Conversations: []DocConversation{}, Comments: []DocComment{}}
		for _, r := range c.Requests {
			dc.Requests = append(dc.Requests, DocRequest{Email: r.Requester.Email, Name: r.Requester.Name,
				Company: r.Requester.Company, Quote: r.Quote, Quotes: r.Quotes, Source: r.Source, LinkedBy: r.LinkedBy,
				CreatedAt: r.CreatedAt.UTC()})
		}
		for _, v := range c.Conversations {
			dc.Conversations = append(dc.Conversations, DocConversation{URL: v.URL, Tool: v.Tool, ExternalID: v.ExternalID,
				RequesterEmail: v.RequesterEmail, Excerpt: v.Excerpt, CreatedAt: v.CreatedAt.UTC()})
		}
		for _, m := range c.Comments {
			dc.Comments = append(dc.Comments, DocComment{Author: m.Author, Body: m.Body, CreatedAt: m.At.UTC()})
		}
		doc.Cards = append(doc.Cards, dc)
	}
	return doc
}

// toImport maps the document onto a new board: columns by position, each card in
// its column in the order the file lists them.
func (doc BoardDocument) toImport() *domain.BoardImport {
	b := &domain.BoardImport{Kind: domain.ImportCloseloop, Name: doc.Board.Name, Description: doc.Board.Description}
	index := map[uuid.UUID]int{}
	for i, c := range doc.Columns {
		index[c.ID] = i
		b.Columns = append(b.Columns, domain.ImportColumn{Name: c.Name, Stage: c.Stage})
	}
	for _, c := range doc.Cards {
		i, ok := index[c.ColumnID]
		if !ok {
			b.Skipped++
			continue
		}
		card := domain.ImportCard{Kind: c.Kind, Title: c.Title, Description: c.Description, Labels: c.Labels,
			Archived: c.Archived, ReleaseNote: c.ReleaseNote, ShippedAt: c.ShippedAt, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
		for _, r := range c.Requests {
			card.Requests = append(card.Requests, domain.ImportRequest{Email: r.Email, Name: r.Name, Company: r.Company,
				Quote: r.Quote, Source: r.Source, Quotes: r.Quotes, LinkedBy: r.LinkedBy, CreatedAt: r.CreatedAt})
		}
		for _, v := range c.Conversations {
			card.Conversations = append(card.Conversations, domain.ImportConversation{URL: v.URL,
				RequesterEmail: v.RequesterEmail, Excerpt: v.Excerpt, CreatedAt: v.CreatedAt})
		}
		for _, m := range c.Comments {
			card.Comments = append(card.Comments, domain.ImportComment{Author: m.Author, Body: m.Body, At: m.CreatedAt})
		}
		b.Columns[i].Cards = append(b.Columns[i].Cards, card)
	}
	if b.Skipped > 0 {
		b.Warnings = append(b.Warnings, "cards of columns the file does not list were skipped")
	}
	return b
}
