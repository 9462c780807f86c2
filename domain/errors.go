package domain

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Kind says what sort of failure an error is; only the api package maps kinds to HTTP.
type Kind int

const (
	KindInternal Kind = iota
	KindNotFound
	KindInvalid
	KindConflict
	KindStale
	KindForbidden
	KindUnauthorized
	KindRateLimited
)

// Error is the error type every domain function returns for failures a caller can act on.
type Error struct {
	Kind    Kind
	Message string
	Fields  map[string]string // field name → what is wrong, for KindInvalid
	// Code, when set, is the machine-readable reason the API answers instead of its
	// kind's (CodeInvalidCursor).
	Code string
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e.Fields[k])
	}
	return e.Message + " (" + strings.Join(parts, "; ") + ")"
}

// KindOf returns the kind of err, KindInternal for errors that carry none.
func KindOf(err error) Kind {
	var de *Error
	if errors.As(err, &de) {
		return de.Kind
	}
	return KindInternal
}

func NotFound(what string) error {
	return &Error{Kind: KindNotFound, Message: what + " not found"}
}

func Conflict(format string, args ...any) error {
	return &Error{Kind: KindConflict, Message: fmt.Sprintf(format, args...)}
}

func Stale(what string) error {
	return &Error{Kind: KindStale, Message: what + " was changed by someone else; reload it and try again"}
}

func Forbidden(format string, args ...any) error {
	return &Error{Kind: KindForbidden, Message: fmt.Sprintf(format, args...)}
}

func Unauthorized(msg string) error {
	return &Error{Kind: KindUnauthorized, Message: msg}
}

func RateLimited(msg string) error {
	return &Error{Kind: KindRateLimited, Message: msg}
}

// Problems collects field messages while validating an input.
type Problems map[string]string

// Add records msg for field unless that field already has a message.
func (p Problems) Add(field, msg string) {
	if _, ok := p[field]; !ok {
		p[field] = msg
	}
}

// Err returns nil when nothing was added, otherwise an Invalid error with the fields.
// A bad cursor makes it CodeInvalidCursor, whatever else is wrong: the client must
// start the list again either way.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	e := &Error{Kind: KindInvalid, Message: "validation failed", Fields: map[string]string(p)}
	if _, ok := p[cursorField]; ok {
		e.Code, e.Message = CodeInvalidCursor, "the cursor is not a position of this list; start again without it"
	}
	return e
}

// Invalid is a one-field validation error.
func Invalid(field, msg string) error {
	return &Error{Kind: KindInvalid, Message: "validation failed", Fields: map[string]string{field: msg}}
}
