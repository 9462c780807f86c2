package api

import (
	"net/url"

	"github.com/google/uuid"
	lru "github.com/hashicorp/golang-lru/v2"
)

// cardPages keeps the JSON of recently answered pages of a board's cards. A page is
// answered from here only while the board's cards_version is the one it was made at
// (read from the database on every request, so a change committed by any replica is
// never hidden), which turns the common case — many people looking at a board that
// is not changing — into one indexed row read and a copy. A page of 200 cards is
// about 80 kB; 256 pages bound the memory at about 20 MB.
type cardPages struct {
	cache *lru.Cache[string, cardPage]
}

type cardPage struct {
	version int64
	body    []byte
}

const cardPagesKept = 256

func newCardPages() *cardPages {
	c, err := lru.New[string, cardPage](cardPagesKept)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &cardPages{cache: c}
}

// cardPageKey names a page: the board and the query parameters that select it
// (Encode sorts them by name).
func cardPageKey(boardID uuid.UUID, query url.Values) string {
	return boardID.String() + "?" + query.Encode()
}

func (p *cardPages) get(key string, version int64) ([]byte, bool) {
	page, ok := p.cache.Get(key)
	if !ok || page.version != version {
		return nil, false
	}
	return page.body, true
}

// put keeps a page made at version. The page was read after the version was (so
// it is at least that new), and a newer version never matches it again.
func (p *cardPages) put(key string, version int64, body []byte) {
	p.cache.Add(key, cardPage{version: version, body: body})
}
