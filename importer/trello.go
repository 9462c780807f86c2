package importer

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// ParseTrello reads a Trello board export ("Menu → Print, export and share → Export
// as JSON") and maps it as the contract says: lists → columns in pos order with the
// stage guessed from the name; open cards in pos order; closed cards archived, and
// cards of closed lists archived in their column; labels by name, else colour name;
// desc; commentCard actions → comments with their author and date; checklists (and
// attachments) appended to the description. read, if not nil, hears how many bytes
// were read so far.
func ParseTrello(r io.Reader, read func(n int64)) (*domain.BoardImport, error) {
	tb, err := decodeTrello(&countingReader{r: r, read: read})
	if err != nil {
		return nil, err
	}
	for _, key := range []string{"id", "lists", "cards"} {
		if !tb.seen[key] {
			return nil, wrongShape("this is JSON but not a Trello board export: it has no %q (a board export has "+
				"id, name, lists, cards, labels, actions, …)", key)
		}
	}
	if strings.TrimSpace(tb.ID) == "" {
		return nil, wrongShape("this is JSON but not a Trello board export: its \"id\" is empty")
	}
	return mapTrello(tb), nil
}

// trelloMapper carries what the mapping notices along the way.
type trelloMapper struct {
	tb      *trelloBoard
	out     *domain.BoardImport
	labels  map[string]string // label id → Closeloop label name
	notes   map[string]int    // warning kind → how many times
	missing int               // comments the cards count but the file lacks
}

func mapTrello(tb *trelloBoard) *domain.BoardImport {
	name, _ := oneLine(tb.Name, 100)
	if name == "" {
		name = "Trello board"
	}
	desc, descCut := multiLine(tb.Desc, 2000)
	m := &trelloMapper{tb: tb, labels: map[string]string{}, notes: map[string]int{},
		out: &domain.BoardImport{Kind: domain.ImportTrello, SourceID: tb.ID, Name: name, Description: desc,
			LabelColors: map[string]string{}}}
	if descCut {
		m.notes["the board's description was cut at 2,000 characters"]++
	}
	m.mapLabels()
	m.mapLists()
	m.finishWarnings()
	return m.out
}

// mapLists makes the columns and puts each card in its list's column, in pos order.
func (m *trelloMapper) mapLists() {
	lists := slices.Clone(m.tb.Lists)
	slices.SortStableFunc(lists, func(a, b trelloList) int { return cmpPos(a.Pos, b.Pos, a.ID, b.ID) })
	byList := map[string][]trelloCard{}
	for _, c := range m.tb.Cards {
		byList[c.IDList] = append(byList[c.IDList], c)
	}
	known := map[string]bool{}
	for _, l := range lists {
		known[l.ID] = true
	}
	for list, cards := range byList {
		if !known[list] {
			m.out.Skipped += len(cards)
			m.notes["cards on a list the export does not have were skipped"] += len(cards)
		}
	}
	// A board holds at most 20 columns: closed lists with no cards are the first to go.
	if len(lists) > 20 {
		lists = slices.DeleteFunc(lists, func(l trelloList) bool {
			drop := l.Closed && len(byList[l.ID]) == 0
			if drop {
				m.out.Skipped++
				m.notes["empty archived lists were skipped"]++
			}
			return drop
		})
	}
	comments := m.commentsByCard()
	checklists := m.checklistsByCard()
	for _, l := range lists {
		colName, _ := oneLine(l.Name, 50)
		if colName == "" {
			colName = "Untitled list"
		}
		col := domain.ImportColumn{Name: colName, Stage: StageOf(l.Name), Archived: l.Closed}
		cards := byList[l.ID]
		slices.SortStableFunc(cards, func(a, b trelloCard) int { return cmpPos(a.Pos, b.Pos, a.ID, b.ID) })
		for _, c := range cards {
			col.Cards = append(col.Cards, m.mapCard(c, l.Closed, comments[c.ID], checklists[c.ID]))
		}
		m.out.Columns = append(m.out.Columns, col)
	}
}

// cmpPos orders by pos, then by id (Trello ids grow with time), so equal positions
// keep the order they were made in.
func cmpPos(a, b trelloPos, idA, idB string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return strings.Compare(idA, idB)
}

// finishWarnings turns the counted notes into sentences, in a stable order.
func (m *trelloMapper) finishWarnings() {
	if m.missing > 0 {
		m.out.Warnings = append(m.out.Warnings, fmt.Sprintf("%d comments are not in the export: a Trello export "+
			"holds only the board's last 1,000 actions (it has %d), so older comments could not be imported", m.missing, m.tb.Actions))
	}
	keys := make([]string, 0, len(m.notes))
	for k := range m.notes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		m.out.Warnings = append(m.out.Warnings, fmt.Sprintf("%s (%d)", k, m.notes[k]))
	}
}

// trelloTime reads an RFC 3339 date of the export; zero when absent or unreadable.
func trelloTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// idTime is when a Trello object was made: its id starts with the Unix time in hex.
func idTime(id string) time.Time {
	if len(id) < 8 {
		return time.Time{}
	}
	var secs int64
	for _, c := range id[:8] {
		switch {
		case c >= '0' && c <= '9':
			secs = secs*16 + int64(c-'0')
		case c >= 'a' && c <= 'f':
			secs = secs*16 + int64(c-'a'+10)
		default:
			return time.Time{}
		}
	}
	if secs < 1_200_000_000 { // before Trello existed: not a timestamp
		return time.Time{}
	}
	return time.Unix(secs, 0).UTC()
}

// countingReader tells read how many bytes went through it.
type countingReader struct {
	r    io.Reader
	n    int64
	read func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.read != nil && n > 0 {
		c.read(c.n)
	}
	return n, err
}
