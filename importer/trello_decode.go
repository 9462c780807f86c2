package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Limits on one Trello file, whatever its size: more than this is not a board a
// person keeps, and the import's memory stays bounded.
const (
	maxTrelloCards    = 100_000
	maxTrelloLists    = 5_000
	maxTrelloComments = 200_000
)

// decodeTrello reads the export one value at a time: big arrays (cards, actions) are
// decoded element by element and only the fields the import uses are kept, so the
// file is never held whole in memory.
func decodeTrello(r io.Reader) (*trelloBoard, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonProblem(dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, wrongShape("this is JSON but not a Trello board export: a board export is one JSON object, this is %s", describeToken(tok))
	}
	b := &trelloBoard{seen: map[string]bool{}}
	for dec.More() {
		keyTok, err := dec.Token()
		if err != nil {
			return nil, jsonProblem(dec, err)
		}
		key, _ := keyTok.(string)
		b.seen[key] = true
		if err := b.decodeField(dec, key); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonProblem(dec, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, notJSON("the file has more data after the board's JSON object (at byte %d)", dec.InputOffset())
	}
	return b, nil
}

func (b *trelloBoard) decodeField(dec *json.Decoder, key string) error {
	switch key {
	case "id":
		return decodeInto(dec, key, &b.ID)
	case "name":
		return decodeInto(dec, key, &b.Name)
	case "desc":
		return decodeInto(dec, key, &b.Desc)
	case "lists":
		return eachElement(dec, key, maxTrelloLists, func(i int) error {
			var l trelloList
			err := decodeInto(dec, fmt.Sprintf("lists[%d]", i), &l)
			b.Lists = append(b.Lists, l)
			return err
		})
	case "cards":
		return eachElement(dec, key, maxTrelloCards, func(i int) error {
			var c trelloCard
			err := decodeInto(dec, fmt.Sprintf("cards[%d]", i), &c)
			b.Cards = append(b.Cards, c)
			return err
		})
	case "labels":
		return decodeInto(dec, key, &b.Labels)
	case "checklists":
		return eachElement(dec, key, maxTrelloCards*10, func(i int) error {
			var c trelloChecklist
			err := decodeInto(dec, fmt.Sprintf("checklists[%d]", i), &c)
			b.Checklists = append(b.Checklists, c)
			return err
		})
	case "actions":
		return eachElement(dec, key, -1, func(i int) error {
			var a trelloAction
			if err := decodeInto(dec, fmt.Sprintf("actions[%d]", i), &a); err != nil {
				return err
			}
			b.Actions++
			if a.Type == "commentCard" && len(b.Comments) < maxTrelloComments {
				b.Comments = append(b.Comments, a)
			}
			return nil
		})
	}
	var skip json.RawMessage
	return decodeInto(dec, key, &skip)
}

// eachElement walks a JSON array (null is empty), calling one for each element; more
// than limit elements (limit ≥ 0) is refused.
func eachElement(dec *json.Decoder, key string, limit int, one func(i int) error) error {
	tok, err := dec.Token()
	if err != nil {
		return jsonProblem(dec, err)
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return wrongShape("this is JSON but not a Trello board export: %q should be a list, it is %s", key, describeToken(tok))
	}
	for i := 0; dec.More(); i++ {
		if limit >= 0 && i >= limit {
			return wrongShape("the file has more than %d %s; Closeloop imports at most that many from one board", limit, key)
		}
		if err := one(i); err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return jsonProblem(dec, err)
}

func decodeInto(dec *json.Decoder, where string, v any) error {
	err := dec.Decode(v)
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := where
		if typeErr.Field != "" {
			field += "." + typeErr.Field
		}
		return wrongShape("this is JSON but not a Trello board export: %s is %s where a Trello export has %s",
			field, typeErr.Value, typeErr.Type.String())
	}
	return jsonProblem(dec, err)
}

// jsonProblem turns a decoding failure into a FormatError that says where it is.
func jsonProblem(dec *json.Decoder, err error) error {
	var syntax *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return notJSON("the file is not valid JSON: %s (at byte %d)", syntax.Error(), syntax.Offset)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return notJSON("the file is not valid JSON: it ends in the middle (after byte %d); was the download cut short?", dec.InputOffset())
	}
	var fe *FormatError
	if errors.As(err, &fe) {
		return err
	}
	return &FormatError{NotJSON: true, Msg: fmt.Sprintf("the file could not be read: %v", err), Err: err}
}

func describeToken(tok any) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "a list"
		}
		return "an object"
	case string:
		return "text"
	case nil:
		return "null"
	case bool:
		return "true or false"
	}
	return "a number"
}
