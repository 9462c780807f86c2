package importer

import (
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// CloseloopFormat marks a Closeloop board export; Version grows when its shape does.
const (
	CloseloopFormat  = "closeloop.board"
	CloseloopVersion = 1
)

// BoardDocument is export.json: a board as Closeloop writes it and reads it back
// (POST /imports/closeloop). Cards are in column order, then position order.
type BoardDocument struct {
	Format     string      `json:"format"`
	Version    int         `json:"version"`
	ExportedAt time.Time   `json:"exported_at"`
	Board      DocBoard    `json:"board"`
	Columns    []DocColumn `json:"columns"`
	Cards      []DocCard   `json:"cards"`
}

type DocBoard struct {
	ID          uuid.UUID `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
}

type DocColumn struct {
	ID       uuid.UUID    `json:"id"`
	Name     string       `json:"name"`
	Stage    domain.Stage `json:"stage"`
	Position int          `json:"position"`
}

type DocCard struct {
	ID            uuid.UUID         `json:"id"`
	ColumnID      uuid.UUID         `json:"column_id"`
	Kind          domain.CardKind   `json:"kind"`
	Title         string            `json:"title"`
	Description   string            `json:"description"`
	Labels        []string          `json:"labels"`
	Archived      bool              `json:"archived"`
	ReleaseNote   string            `json:"release_note"`
	ShippedAt     *time.Time        `json:"shipped_at"`
	CreatedAt     time.Time         `json:"created_at"`
	UpdatedAt     time.Time         `json:"updated_at"`
	Requests      []DocRequest      `json:"requests"`
	Conversations []DocConversation `json:"conversations"`
	Comments      []DocComment      `json:"comments"`
}

type DocRequest struct {
	Email     string        `json:"email"`
	Name      string        `json:"name"`
	Company   string        `json:"company"`
	Quote     string        `json:"quote"`
	Quotes    domain.Quotes `json:"quotes"`
	Source    string        `json:"source"`
	LinkedBy  string        `json:"linked_by"`
	CreatedAt time.Time     `json:"created_at"`
}

type DocConversation struct {
	URL            string    `json:"url"`
	Tool           string    `json:"tool"`
	ExternalID     string    `json:"external_id"`
	RequesterEmail string    `json:"requester_email"`
	Excerpt        string    `json:"excerpt"`
	CreatedAt      time.Time `json:"created_at"`
}

type DocComment struct {
	Author    string    `json:"author"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// ParseCloseloop reads export.json back into a board to import (a new board, with
// new ids; people are found by address).
func ParseCloseloop(r io.Reader) (*domain.BoardImport, error) {
	var doc BoardDocument
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, wrongShape("this is JSON but not a Closeloop board export: %s is %s where the export has %s",
				typeErr.Field, typeErr.Value, typeErr.Type.String())
		}
		return nil, jsonProblem(dec, err)
	}
	if doc.Format != CloseloopFormat {
		return nil, wrongShape("this is JSON but not a Closeloop board export: its \"format\" is %q, not %q", doc.Format, CloseloopFormat)
	}
	if doc.Version > CloseloopVersion {
		return nil, wrongShape("this export is version %d; this Closeloop reads version %d: upgrade it first", doc.Version, CloseloopVersion)
	}
	return doc.toImport(), nil
}
