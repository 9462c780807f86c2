// Package importer reads what other tools and Closeloop itself export — Trello board
// exports, Closeloop board exports, requests spreadsheets (CSV) — into domain inputs,
// and writes Closeloop's own export formats. It holds no database: the domain writes.
package importer

import "fmt"

// FormatError says why a file cannot be imported at all. NotJSON tells a file that
// is not JSON (the api answers 400) from one that is JSON of the wrong shape (422).
type FormatError struct {
	NotJSON bool
	Msg     string
	Err     error // what reading failed with, if it was the reader (a size limit)
}

func (e *FormatError) Error() string { return e.Msg }

func (e *FormatError) Unwrap() error { return e.Err }

func notJSON(format string, args ...any) error {
	return &FormatError{NotJSON: true, Msg: fmt.Sprintf(format, args...)}
}

func wrongShape(format string, args ...any) error {
	return &FormatError{Msg: fmt.Sprintf(format, args...)}
}
