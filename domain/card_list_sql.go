package domain

import (
	"strings"

	"github.com/google/uuid"
)

// conds collects SQL conditions with their ? arguments.
type conds struct {
	sql  []string
	args []any
}

func (w *conds) add(cond string, args ...any) {
	w.sql = append(w.sql, cond)
	w.args = append(w.args, args...)
}

func (w *conds) where() string { return strings.Join(w.sql, " AND ") }

// cardFilterConds are the filters every sort shares, on cards aliased c.
func cardFilterConds(f CardFilter) *conds {
	w := &conds{}
	if f.Archived {
		w.add("c.archived_at IS NOT NULL")
	} else {
		w.add("c.archived_at IS NULL")
	}
	if f.ColumnID != nil {
		w.add("c.column_id = ?", *f.ColumnID)
	}
	if f.Kind != nil {
		w.add("c.kind = ?", *f.Kind)
	}
	if f.Owner != nil {
		w.add("c.owner_id = ?", *f.Owner)
	}
	if labels := filterLabels(f.Label); len(labels) > 0 {
		// Cards having all of them; @> is what the GIN index on labels serves.
		w.add("c.labels @> ?::text[]", textArray(labels))
	}
	return w
}

// searchCond is the text search of f (nil without one). It is applied outside an
// "OFFSET 0" subquery that walks the sort's index over the board (see fenced), so a
// search costs what the board's cards cost. Left to itself, the planner reads the
// installation-wide GIN indexes instead (it underestimates how many cards a word
// matches): at 100k cards that is 10,000+ index entries per column for one page of
// one board, 5–10× slower than walking the board. A board of very many cards with a
// rare word is the case that trade-off makes slower.
func searchCond(f CardFilter) *conds {
	if f.Query == "" {
		return nil
	}
	w := &conds{}
	w.add("(c.search @@ websearch_to_tsquery('simple', ?) OR c.title ILIKE ?)", f.Query, likePattern(f.Query))
	return w
}

// fenced returns "SELECT fields FROM (inner OFFSET 0) c WHERE search" with inner's
// rows in inner's order; PostgreSQL pushes no condition into a subquery with an
// OFFSET, so inner keeps its index walk and the search filters what it reads.
func fenced(inner string, search *conds) string {
	return "SELECT " + cardFieldsC + " FROM (" + inner + " OFFSET 0) c WHERE " + search.where()
}

const cardFieldsC = "c.id, c.number, c.board_id, c.column_id, c.kind, c.title, c.description, c.labels, c.position, " +
	"c.version, c.requester_count, c.reactions_yes, c.reactions_no, c.release_note, c.shipped_at, c.archived_at, c.merged_into_id, c.created_at, c.updated_at, c.owner_id"

// cardListSQL builds the keyset query for one page (limit rows) after cursor (nil: first page).
//
// SortPosition walks the board's columns in order and, per column, the
// cards_column_position_key range after the cursor (a LATERAL join), so a page reads
// about limit index entries per column instead of sorting the board. The demand and
// recent sorts walk cards_board_demand_idx and cards_board_recent_idx; the redundant
// "<=" bound on the leading sort column lets the index start at the cursor.
func cardListSQL(boardID uuid.UUID, f CardFilter, cursor *cardCursor, limit int) (string, []any) {
	w := cardFilterConds(f)
	search := searchCond(f)
	// from is the card rows of w in order; with a search, filtered after the walk.
	from := func(order string) (string, []any) {
		if search == nil {
			return "SELECT " + cardFieldsC + " FROM cards c WHERE " + w.where(), w.args
		}
		inner := "SELECT " + cardFieldsC + ", c.search FROM cards c WHERE " + w.where() + " ORDER BY " + order
		return fenced(inner, search), append(append([]any{}, w.args...), search.args...)
	}
	switch f.Sort {
	case SortDemand:
		w.add("c.board_id = ?", boardID)
		if cursor != nil {
			w.add("c.requester_count <= ? AND (c.requester_count < ? OR c.created_at < ? OR (c.created_at = ? AND c.id > ?))",
				cursor.Count, cursor.Count, cursor.At, cursor.At, cursor.ID)
		}
		const order = "c.requester_count DESC, c.created_at DESC, c.id"
		q, args := from(order)
		return q + " ORDER BY " + order + " LIMIT ?", append(args, limit)
	case SortRecent:
		w.add("c.board_id = ?", boardID)
		if cursor != nil {
			w.add("c.updated_at <= ? AND (c.updated_at < ? OR c.id > ?)", cursor.At, cursor.At, cursor.ID)
		}
		const order = "c.updated_at DESC, c.id"
		q, args := from(order)
		return q + " ORDER BY " + order + " LIMIT ?", append(args, limit)
	}
	outer := &conds{}
	outer.add("col.board_id = ?", boardID)
	if f.ColumnID != nil {
		outer.add("col.id = ?", *f.ColumnID)
	}
	if cursor != nil {
		// In the cursor's column, start after the cursor; in later columns, at the start
		// ('' sorts before every key). Live positions are unique in a column (00010).
		w.add("c.position > CASE WHEN col.position = ? THEN ? ELSE '' END", cursor.ColumnPos, cursor.Position)
		outer.add("col.position >= ?", cursor.ColumnPos)
	}
	w.add("c.column_id = col.id")
	cards, args := from("c.position")
	query := "SELECT c.*, col.position AS column_position FROM columns col CROSS JOIN LATERAL (" +
		cards + " ORDER BY c.position LIMIT ?) c WHERE " + outer.where() +
		" ORDER BY col.position, c.position, c.id LIMIT ?"
	args = append(args, limit)
	return query, append(append(args, outer.args...), limit)
}

// filterLabels splits label=a,b into its labels (blank ones dropped).
func filterLabels(raw string) []string {
	var out []string
	for _, l := range strings.Split(raw, ",") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
