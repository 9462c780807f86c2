package importer

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// BoardCSVHeader is export.csv's header (number: the card's number, closeloop-<number>
// its reference): one row per request (a card nobody asked
// for has one row with the person's columns empty). Its email, name, company, card,
// quote, source and conversation_url columns are those POST /imports/requests reads,
// so the file can be edited and imported again.
var BoardCSVHeader = []string{"card", "number", "title", "column", "stage", "kind", "labels", "requester_count", "shipped_at",
	"archived", "email", "name", "company", "quote", "source", "conversation_url", "requested_at"}

// WriteBoardCSV writes a board export as CSV. Cells that a spreadsheet would run as a
// formula (=, +, -, @ first) are prefixed with an apostrophe.
func WriteBoardCSV(w io.Writer, x domain.BoardExport) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(BoardCSVHeader); err != nil {
		return err
	}
	columns := map[string]domain.Column{}
	for _, c := range x.Board.Columns {
		columns[c.ID.String()] = c
	}
	for _, c := range x.Cards {
		col := columns[c.ColumnID.String()]
		shipped := ""
		if c.ShippedAt != nil {
			shipped = c.ShippedAt.UTC().Format(time.RFC3339)
		}
		card := []string{CardReference(c.Card), strconv.FormatInt(c.Number, 10), c.Title, col.Name, string(col.Stage), string(c.Kind), strings.Join(c.Labels, ";"),
			strconv.Itoa(c.RequesterCount), shipped, strconv.FormatBool(c.ArchivedAt != nil)}
		convs := map[string]string{}
		for _, v := range c.Conversations {
			if v.RequesterID != nil && convs[v.RequesterID.String()] == "" {
				convs[v.RequesterID.String()] = v.URL
			}
		}
		if len(c.Requests) == 0 {
			if err := cw.Write(safeCells(append(card, "", "", "", "", "", "", ""))); err != nil {
				return err
			}
		}
		for _, r := range c.Requests {
			row := append(append([]string{}, card...), r.Requester.Email, r.Requester.Name, r.Requester.Company, r.Quote,
				r.Source, convs[r.Requester.ID.String()], r.CreatedAt.UTC().Format(time.RFC3339))
			if err := cw.Write(safeCells(row)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// CardReference is how a file names a card so that an import finds it again.
func CardReference(c domain.Card) string { return c.ID.String() }

func safeCells(row []string) []string {
	for i, v := range row {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			row[i] = "'" + v
		}
	}
	return row
}
