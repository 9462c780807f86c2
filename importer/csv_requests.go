package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// RequestsHeader is the header a requests spreadsheet has (any order; email and
// card are required, the others may be left out).
var RequestsHeader = []string{"email", "name", "company", "card", "quote", "source", "conversation_url"}

// maxCSVRows bounds one upload whatever its size.
const maxCSVRows = 200_000

// ParseRequestsCSV reads a requests spreadsheet: a header row, then one request per
// row. A UTF-8 byte order mark (Excel writes one) is skipped, and a header with
// semicolons and no commas is read with semicolons (Excel in many countries). Other
// columns are ignored and named in the warnings.
func ParseRequestsCSV(r io.Reader) ([]domain.RequestImportRow, []string, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3) //nolint:errcheck // peeked: the three bytes are there
	}
	first, _ := br.Peek(4096)
	line, _, _ := bytes.Cut(first, []byte("\n"))
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if bytes.IndexByte(line, ',') < 0 && bytes.IndexByte(line, ';') >= 0 {
		cr.Comma = ';'
	}
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, &FormatError{Msg: "the file is empty: it needs the header " + strings.Join(RequestsHeader, ",") + " and one row per request"}
	}
	if err != nil {
		return nil, nil, csvProblem(err)
	}
	cols, warnings, err := headerColumns(header)
	if err != nil {
		return nil, nil, err
	}
	var rows []domain.RequestImportRow
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, csvProblem(err)
		}
		if n > maxCSVRows {
			return nil, nil, &FormatError{Msg: fmt.Sprintf("the file has more than %d rows; split it into smaller files", maxCSVRows)}
		}
		if blank(rec) {
			n--
			continue
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if i, ok := cols[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		rows = append(rows, domain.RequestImportRow{Row: n, Line: line, Email: get("email"), Name: get("name"),
			Company: get("company"), Card: get("card"), Quote: get("quote"), Source: get("source"),
			ConversationURL: get("conversation_url")})
	}
	return rows, warnings, nil
}

// headerColumns maps each known column to its place.
func headerColumns(header []string) (map[string]int, []string, error) {
	cols := map[string]int{}
	var warnings []string
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		known := false
		for _, k := range RequestsHeader {
			known = known || k == name
		}
		if !known {
			warnings = append(warnings, fmt.Sprintf("column %q is not one Closeloop reads; it was ignored", h))
			continue
		}
		if _, dup := cols[name]; dup {
			return nil, nil, &FormatError{Msg: fmt.Sprintf("the header names the column %q twice", name)}
		}
		cols[name] = i
	}
	for _, need := range []string{"email", "card"} {
		if _, ok := cols[need]; !ok {
			return nil, nil, &FormatError{Msg: fmt.Sprintf("the header has no %q column: the first row must be the header %s",
				need, strings.Join(RequestsHeader, ","))}
		}
	}
	return cols, warnings, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FormatError{NotJSON: true, Msg: fmt.Sprintf("the file is not valid CSV: line %d, column %d: %v", pe.Line, pe.Column, pe.Err)}
	}
	return &FormatError{NotJSON: true, Msg: fmt.Sprintf("the file could not be read: %v", err), Err: err}
}
