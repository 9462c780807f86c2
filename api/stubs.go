package api

import "net/http"

// errNotBuilt answers routes whose handlers are not written yet.
var errNotBuilt = &requestError{status: http.StatusNotImplemented, detail: ErrorDetail{Code: "not_implemented", Message: "not implemented yet"}}
