package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// maxBody is the largest request body accepted (413 beyond).
const maxBody = 1 << 20

// decodeJSON reads a JSON object into dst, rejecting a missing or other Content-Type,
// text that is not UTF-8, unknown fields, wrong types, trailing data and oversize
// bodies with field messages.
func decodeJSON(c echo.Context, dst any) error {
	req := c.Request()
	// The header is required, not only checked when present: a page on another site can
	// POST a body without one (fetch with a Blob needs no preflight), and only a JSON
	// Content-Type makes a browser ask first.
	if mt, _, err := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType)); err != nil || mt != "application/json" {
		return &requestError{status: http.StatusUnsupportedMediaType, detail: ErrorDetail{
			Code: "unsupported_media_type", Message: "send the body as JSON with Content-Type: application/json"}}
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, maxBody+1))
	if err != nil {
		return badRequest("malformed_body", "could not read the request body", nil)
	}
	if len(body) > maxBody {
		return &requestError{status: http.StatusRequestEntityTooLarge, detail: ErrorDetail{
			Code: "body_too_large", Message: fmt.Sprintf("request body is larger than %d bytes", maxBody)}}
	}
	return decodeBytes(body, dst)
}

// decodeBytes is decodeJSON without the HTTP parts (fuzzed on its own).
func decodeBytes(body []byte, dst any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("malformed_body", "the request body is empty; send a JSON object", nil)
	}
	if field, bad := invalidTextField(body); bad {
		return errInvalidText(field)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return badRequest("malformed_body", "the request body has data after the JSON object", nil)
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return badRequest("malformed_body", "the request body has data after the JSON object", nil)
	}
	return nil
}

func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return badRequest("malformed_body", "the request body must be a JSON object", nil)
		}
		return badRequest("wrong_type", "a field has the wrong type",
			map[string]string{field: "must be " + jsonTypeName(typeErr.Type.Kind().String())})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("malformed_body", "the request body is not valid JSON", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest("unknown_field", "the request body has a field this endpoint does not accept",
			map[string]string{name: "is not a known field; remove it"})
	}
	return badRequest("malformed_body", "the request body is not valid JSON", nil)
}

func jsonTypeName(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "an array"
	case "map", "struct":
		return "an object"
	case "int", "int32", "int64", "uint", "uint32", "uint64", "float64", "float32":
		return "a number"
	}
	return "of another type"
}

// pathID parses the UUID path parameter name.
func pathID(c echo.Context, name string) (uuid.UUID, error) {
	id, err := uuid.Parse(c.Param(name))
	if err != nil {
		return uuid.Nil, badRequest("invalid_id", "the id in the path is not a UUID", map[string]string{name: "must be a UUID"})
	}
	return id, nil
}
