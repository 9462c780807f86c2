package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// ErrorBody is the one error shape every failure answers with.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

type ErrorDetail struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	// Data are ids that go with the code (e.g. board_id of already_imported),
	// written beside code and message.
	Data map[string]string `json:"-"`
}

// MarshalJSON writes Data's keys beside the others.
func (d ErrorDetail) MarshalJSON() ([]byte, error) {
	type plain ErrorDetail
	b, err := json.Marshal(plain(d))
	if err != nil || len(d.Data) == 0 {
		return b, err
	}
	extra, err := json.Marshal(d.Data)
	if err != nil {
		return nil, err
	}
	return append(append(b[:len(b)-1], ','), extra[1:]...), nil
}

// requestError is an HTTP-level failure found by the api package itself (bad JSON, bad id).
type requestError struct {
	status int
	detail ErrorDetail
}

func (e *requestError) Error() string { return e.detail.Message }

func badRequest(code, msg string, fields map[string]string) error {
	return &requestError{status: http.StatusBadRequest, detail: ErrorDetail{Code: code, Message: msg, Fields: fields}}
}

// kindStatus is the single table from domain error kinds to HTTP.
var kindStatus = map[domain.Kind]struct {
	status int
	code   string
}{
	domain.KindNotFound:     {http.StatusNotFound, "not_found"},
	domain.KindInvalid:      {http.StatusUnprocessableEntity, "validation_failed"},
	domain.KindConflict:     {http.StatusConflict, "conflict"},
	domain.KindStale:        {http.StatusPreconditionFailed, "precondition_failed"},
	domain.KindForbidden:    {http.StatusForbidden, "forbidden"},
	domain.KindUnauthorized: {http.StatusUnauthorized, "unauthorized"},
	domain.KindRateLimited:  {http.StatusTooManyRequests, "rate_limited"},
}

var httpCodes = map[int]string{
	http.StatusBadRequest:            "bad_request",
	http.StatusUnauthorized:          "unauthorized",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "not_found",
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusRequestEntityTooLarge: "body_too_large",
	http.StatusUnsupportedMediaType:  "unsupported_media_type",
	http.StatusTooManyRequests:       "rate_limited",
}

// statusClientClosed is the status logged and counted for a request its client closed
// before it was answered (nginx's 499): no client sees it.
const statusClientClosed = 499

// handleError is Echo's error handler: it writes ErrorBody and logs what users must not see.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, detail := s.describe(err, c)
	if status == http.StatusMethodNotAllowed {
		allowWithHead(c.Response().Header())
	}
	// HEAD is answered as GET (methods.go): the same error, and the server drops the body.
	if err := c.JSON(status, ErrorBody{Error: detail}); err != nil { // the client went away: nobody is left to tell but the log
		s.log.Debug("writing an error response failed", "err", err, "status", status, "path", c.Path())
	}
}

func (s *Server) describe(err error, c echo.Context) (int, ErrorDetail) {
	var re *requestError
	if errors.As(err, &re) {
		return re.status, re.detail
	}
	var de *domain.Error
	if errors.As(err, &de) {
		if m, ok := kindStatus[de.Kind]; ok {
			code := m.code
			if de.Code != "" { // a reason more precise than the kind's (invalid_cursor, already_imported)
				code = de.Code
			}
			return m.status, ErrorDetail{Code: code, Message: de.Message, Fields: de.Fields, Data: de.Data}
		}
	}
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Code < 500 {
		code, ok := httpCodes[he.Code]
		if !ok {
			code = "bad_request"
		}
		msg := http.StatusText(he.Code)
		if he.Code == http.StatusRequestEntityTooLarge {
			msg = "request body is too large"
		}
		return he.Code, ErrorDetail{Code: code, Message: msg}
	}
	if c.Request().Context().Err() != nil {
		// The client gave up (closed the connection, or its own deadline passed) while
		// the request waited for a slot or a statement: nobody reads this answer, and
		// it is not the server's failure, so it is neither logged nor counted as one.
		s.log.Info("the client went away before the answer", "err", err, "method", c.Request().Method, "path", c.Path(),
			"request_id", c.Response().Header().Get(echo.HeaderXRequestID))
		return statusClientClosed, ErrorDetail{Code: "client_closed", Message: "the request was closed before it was answered"}
	}
	s.log.Error("internal error", "err", err, "method", c.Request().Method, "path", c.Path(),
		"request_id", c.Response().Header().Get(echo.HeaderXRequestID))
	return http.StatusInternalServerError, ErrorDetail{Code: "internal", Message: "something went wrong on our side; it has been logged"}
}
