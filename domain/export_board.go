package domain

import (
	"context"
	"strings"

	"github.com/google/uuid"
)

// BoardExport is a whole board as it stands: columns in order, every card (archived
// ones too) in column and position order, with who asked for it, their words and
// conversations. It is what export.json and export.csv are written from.
type BoardExport struct {
	Board Board
	Cards []ExportCard
}

// ExportCard is one card and what hangs off it.
type ExportCard struct {
	Card
	Requests      []Request
	Conversations []Conversation // with RequesterEmail
	Comments      []ImportComment
}

// ExportBoard reads a board for export, in one snapshot (repeatable read), so the
// cards, requests and conversations agree with each other.
func (s *Service) ExportBoard(ctx context.Context, boardID uuid.UUID) (BoardExport, error) {
	var out BoardExport
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		if err := db.Exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`).Error; err != nil {
			return err
		}
		b, err := s.Board(ctx, boardID)
		if err != nil {
			return err
		}
		out.Board = b
		var cards []Card
		err = db.Raw(`SELECT `+prefixed("c.", cardFields)+` FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.board_id = ? ORDER BY col.position, c.archived_at IS NOT NULL, c.position, c.id`, boardID).Scan(&cards).Error
		if err != nil {
			return err
		}
		index := make(map[uuid.UUID]int, len(cards))
		out.Cards = make([]ExportCard, len(cards))
		for i, c := range cards {
			out.Cards[i] = ExportCard{Card: c, Requests: []Request{}, Conversations: []Conversation{}, Comments: []ImportComment{}}
			index[c.ID] = i
		}
		var reqs []requestRow
		err = db.Raw(`SELECT q.card_id, q.requester_id, q.quote, q.source, q.quotes, q.linked_by, q.created_at, q.updated_at,
       r.email, r.name, r.company
FROM requests q JOIN requesters r ON r.id = q.requester_id JOIN cards c ON c.id = q.card_id
WHERE c.board_id = ? ORDER BY q.card_id, q.created_at, q.requester_id`, boardID).Scan(&reqs).Error
		if err != nil {
			return err
		}
		for _, r := range reqs {
			i := index[r.CardID]
			out.Cards[i].Requests = append(out.Cards[i].Requests, r.toRequest())
		}
		var convs []Conversation
		err = db.Raw(`SELECT v.id, v.card_id, v.requester_id, v.url, v.tool, v.external_id, v.excerpt, v.created_at,
       COALESCE(r.email, '') AS requester_email, COALESCE(r.name, '') AS requester_name
FROM conversations v LEFT JOIN requesters r ON r.id = v.requester_id JOIN cards c ON c.id = v.card_id
WHERE c.board_id = ? ORDER BY v.card_id, v.created_at, v.id`, boardID).Scan(&convs).Error
		if err != nil {
			return err
		}
		for _, v := range convs {
			i := index[v.CardID]
			out.Cards[i].Conversations = append(out.Cards[i].Conversations, v)
		}
		var comments []Comment
		err = db.Raw(`SELECT m.card_id, m.author, m.body, m.created_at FROM comments m JOIN cards c ON c.id = m.card_id
WHERE c.board_id = ? ORDER BY m.card_id, m.created_at, m.id`, boardID).Scan(&comments).Error
		if err != nil {
			return err
		}
		for _, m := range comments {
			i := index[m.CardID]
			out.Cards[i].Comments = append(out.Cards[i].Comments, ImportComment{Author: m.Author, Body: m.Body, At: m.CreatedAt})
		}
		return nil
	})
	return out, err
}

// prefixed writes "c.id, c.board_id, …" from a column list such as cardFields.
func prefixed(prefix, columns string) string {
	parts := strings.Split(columns, ", ")
	for i := range parts {
		parts[i] = prefix + strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, ", ")
}
