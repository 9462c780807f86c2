package domain

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Every list pages the same way, here: keyset pagination. A page is asked for with a
// Page (its limit is checked only by Page.limit), a list reads limit+1 rows after the
// cursor's key and returns a List whose NextCursor is the sort key of its last row,
// as base64url JSON. Cursors are opaque to clients; only this package reads them.

const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Page asks for one page of a list. Limit 0 means DefaultLimit; Cursor "" means the start.
type Page struct {
	Limit  int
	Cursor string
}

// List is one page of a list; NextCursor is "" on the last page.
type List[T any] struct {
	Items      []T
	NextCursor string
}

// CodeInvalidCursor is the error code of a page whose cursor is not a position of the
// list it was sent to (see Problems.Err): the client must start again without it.
const CodeInvalidCursor = "invalid_cursor"

const cursorField = "cursor"

// limit validates the page size and returns the one to use.
func (pg Page) limit(p Problems) int {
	switch {
	case pg.Limit == 0:
		return DefaultLimit
	case pg.Limit < 1 || pg.Limit > MaxLimit:
		p.Add("limit", "must be a whole number from 1 to 200")
	}
	return pg.Limit
}

// after reads the page's cursor into key (a pointer to the list's key type); false on
// the first page. A cursor this list did not make is a problem: not base64url JSON of
// exactly key's fields, or valid (the key's own check) says it is not a position,
// such as a number beyond what PostgreSQL compares it with.
func (pg Page) after(p Problems, key any, valid func() bool) bool {
	if pg.Cursor == "" {
		return false
	}
	b, err := base64.RawURLEncoding.DecodeString(pg.Cursor)
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		err = dec.Decode(key)
	}
	// A forged cursor may smuggle NUL into a text key; PostgreSQL text cannot hold it
	// and would fail the query (500) instead of the client's request (422).
	if err != nil || bytes.Contains(b, []byte(`\u0000`)) || !valid() {
		p.Add(cursorField, "is not a cursor from this list; start again without it")
		return false
	}
	return true
}

// encodeCursor turns a sort key into a cursor.
func encodeCursor(key any) string {
	b, err := json.Marshal(key)
	if err != nil {
		panic(err) // keys are plain structs; failing here is a programming error
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// listOf makes the page of rows read with limit+1: the items of at most limit rows,
// and the cursor after the last one when there are more. key is a row's sort key;
// item what the list shows of it (rows often carry their key beside the item).
func listOf[R, T any](rows []R, limit int, key func(R) any, item func(R) T) List[T] {
	var list List[T]
	if len(rows) > limit {
		rows = rows[:limit]
		list.NextCursor = encodeCursor(key(rows[limit-1]))
	}
	list.Items = make([]T, len(rows))
	for i, r := range rows {
		list.Items[i] = item(r)
	}
	return list
}

// Keys of the lists that share an order.
type (
	// timeKey: newest first by (created_at, id).
	timeKey struct {
		At time.Time `json:"t"`
		ID uuid.UUID `json:"id"`
	}
	// nameKey: by (lower(name), id), as PostgreSQL lowers it (Go's ToLower may differ).
	nameKey struct {
		Name string    `json:"n"`
		ID   uuid.UUID `json:"id"`
	}
	// idKey: by id alone (UUIDv7, so in the order rows were made).
	idKey struct {
		ID uuid.UUID `json:"id"`
	}
)

func (k *timeKey) valid() bool { return k.ID != uuid.Nil && storableTime(k.At) }
func (k *nameKey) valid() bool { return k.ID != uuid.Nil }
func (k *idKey) valid() bool   { return k.ID != uuid.Nil }

// storableInt: PostgreSQL's integer, which counts and positions are compared with.
func storableInt(n int) bool { return n >= math.MinInt32 && n <= math.MaxInt32 }

// storableTime: well inside PostgreSQL's timestamptz range (and RFC 3339's years).
func storableTime(t time.Time) bool { return t.Year() >= 1 && t.Year() <= 9999 }

// keyset is a checked page of a list whose key type is K.
type keyset[K any] struct {
	limit int
	after *K // nil on the first page
}

type cursorKey[K any] interface {
	*K
	valid() bool
}

// checkPage checks the page's limit and reads its cursor as a K.
func checkPage[K any, P cursorKey[K]](pg Page) (keyset[K], error) {
	p := Problems{}
	ks := keyset[K]{limit: pg.limit(p)}
	var after K
	if pg.after(p, &after, P(&after).valid) {
		ks.after = &after
	}
	return ks, p.Err()
}

// newestFirst reads one page of q ordered by (createdCol, idCol) descending.
func newestFirst[T any](q *gorm.DB, createdCol, idCol string, ks keyset[timeKey], key func(T) timeKey) (List[T], error) {
	if ks.after != nil {
		q = q.Where("("+createdCol+", "+idCol+") < (?, ?)", ks.after.At, ks.after.ID)
	}
	var rows []T
	if err := q.Order(createdCol + " DESC, " + idCol + " DESC").Limit(ks.limit + 1).Scan(&rows).Error; err != nil {
		return List[T]{}, err
	}
	return listOf(rows, ks.limit, func(r T) any { return key(r) }, func(r T) T { return r }), nil
}

// byName reads one page of q ordered by (lower(name), id). Rows carry sort_name,
// PostgreSQL's lower(name) (Go's ToLower may differ), for their key.
func byName[R, T any](q *gorm.DB, ks keyset[nameKey], key func(R) nameKey, item func(R) T) (List[T], error) {
	q = q.Select("*, lower(name) AS sort_name")
	if ks.after != nil {
		q = q.Where("(lower(name), id) > (?, ?)", ks.after.Name, ks.after.ID)
	}
	var rows []R
	if err := q.Order("lower(name), id").Limit(ks.limit + 1).Scan(&rows).Error; err != nil {
		return List[T]{}, err
	}
	return listOf(rows, ks.limit, func(r R) any { return key(r) }, item), nil
}
