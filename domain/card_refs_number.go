package domain

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// cardsByNumber finds the rows' cards named by number ("12", "#12", "closeloop-12").
func (s *Service) cardsByNumber(ctx context.Context, rows []linkRow, found map[string][]resolvedCard) error {
	seen := map[int64]bool{}
	for _, r := range rows {
		if r.ref.id == uuid.Nil && r.ref.number > 0 {
			seen[r.ref.number] = true
		}
	}
	keys := keysOf(seen)
	for start := 0; start < len(keys); start += 1000 {
		var cards []struct {
			ID         uuid.UUID
			Number     int64
			BoardID    uuid.UUID
			Title      string
			ShippedAt  *time.Time
			ArchivedAt *time.Time
		}
		err := s.db.conn(ctx).Raw(`SELECT id, number, board_id, title, shipped_at, archived_at FROM cards WHERE number IN ?`,
			keys[start:min(start+1000, len(keys))]).Scan(&cards).Error
		if err != nil {
			return err
		}
		for _, c := range cards {
			ref := cardRef{number: c.Number}.String()
			found[ref] = append(found[ref], resolvedCard{ID: c.ID, BoardID: c.BoardID, Title: c.Title, ShippedAt: c.ShippedAt, ArchivedAt: c.ArchivedAt})
		}
	}
	return nil
}

const refPrefix = "closeloop-"

// ParseCardReference reads a whole reference, "closeloop-12" in any case (spaces
// around it allowed), and answers its number.
func ParseCardReference(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	refs := FindCardReferences(s)
	if len(refs) != 1 || len(s) != len(refPrefix)+len(strconv.FormatInt(refs[0], 10)) {
		return 0, false
	}
	return refs[0], true
}

// FindCardReferences answers the card numbers referenced in text ("closeloop-12", any
// case), in order of first appearance, each once. A reference stands alone:
// "xcloseloop-12" and "closeloop-12x" are not references; "closeloop-012" is 12.
func FindCardReferences(text string) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for i := 0; i+len(refPrefix) < len(text); i++ {
		if !strings.EqualFold(text[i:i+len(refPrefix)], refPrefix) || (i > 0 && wordByte(text[i-1])) {
			continue
		}
		j := i + len(refPrefix)
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i+len(refPrefix) || (j < len(text) && (wordByte(text[j]) && text[j] != '-')) {
			continue
		}
		n, err := strconv.ParseInt(text[i+len(refPrefix):j], 10, 64)
		if err == nil && n > 0 && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
		i = j - 1
	}
	return out
}

func wordByte(b byte) bool {
	return b == '_' || b == '-' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// CardByNumber returns the card with that number, archived or not.
func (s *Service) CardByNumber(ctx context.Context, number int64) (Card, error) {
	var c Card
	err := s.db.conn(ctx).Select(cardFields).Where("number = ?", number).Take(&c).Error
	return c, storeErr(err, "card")
}
