package api

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/importer"
)

// maxImportBody is the largest file an upload may be: a Trello export of 10,000 cards
// is about 25 MB. Larger boards import on the server with `closeloop import trello`.
const maxImportBody = 40 << 20

// importBody checks the upload's Content-Type (one of types; a missing one is 415 as
// for every JSON body) and returns its body, cut off past maxImportBody.
func importBody(c echo.Context, types ...string) (io.Reader, error) {
	req := c.Request()
	mt, _, err := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	ok := err == nil
	if ok {
		ok = false
		for _, t := range types {
			ok = ok || mt == t
		}
	}
	if !ok {
		return nil, &requestError{status: http.StatusUnsupportedMediaType, detail: ErrorDetail{Code: "unsupported_media_type",
			Message: "send the file as the request body with Content-Type: " + types[0]}}
	}
	// A 40 MiB upload over a slow line outlasts the server's 30 s read timeout, and a
	// big spreadsheet's answer its write timeout: this request gets longer.
	rc := http.NewResponseController(c.Response())
	_ = rc.SetReadDeadline(time.Now().Add(uploadTime))  // not every writer supports it (tests); the
	_ = rc.SetWriteDeadline(time.Now().Add(uploadTime)) // server's own timeouts then stay
	return http.MaxBytesReader(c.Response(), req.Body, maxImportBody), nil
}

// uploadTime is how long one upload may take to arrive and be answered.
const uploadTime = 10 * time.Minute

// importError says what is wrong with an uploaded file: too large (413, with the
// limit), not JSON or CSV at all (400), or not the kind of file the route reads (422).
func importError(err error, code string) error {
	var tooBig *http.MaxBytesError
	var fe *importer.FormatError
	switch {
	case errors.As(err, &tooBig):
		return &requestError{status: http.StatusRequestEntityTooLarge, detail: ErrorDetail{Code: "body_too_large",
			Message: fmt.Sprintf("the file is larger than %d MiB, the most one upload may be; import a larger Trello "+
				"board on the server with `closeloop import trello FILE`", maxImportBody>>20)}}
	case errors.As(err, &fe) && fe.NotJSON:
		return badRequest("malformed_body", fe.Msg, nil)
	case errors.As(err, &fe):
		return &requestError{status: http.StatusUnprocessableEntity, detail: ErrorDetail{Code: code, Message: fe.Msg,
			Fields: map[string]string{"body": fe.Msg}}}
	}
	return err
}

// dryRun reads ?dry_run=true|false.
func dryRun(c echo.Context) (bool, error) {
	switch strings.ToLower(c.QueryParam("dry_run")) {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	}
	return false, domain.Invalid("dry_run", "must be true or false")
}
