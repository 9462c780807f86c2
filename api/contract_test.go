package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// The contract hook: every request a test sends through testAPI.serve has its response
// validated against api/openapi.json (status documented, headers and body match the
// schema), and every request the server accepted (2xx) is validated too, so the
// document is neither looser nor stricter than the code. A mismatch fails the test.

var contract struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// loadContract parses and validates api/openapi.json once per test binary.
func loadContract() (*openapi3.T, routers.Router, error) {
	contract.once.Do(func() {
		// The unsubscribe pages answer HTML; kin-openapi only knows how to read text/plain.
		openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
		openapi3filter.RegisterBodyDecoder("application/atom+xml", openapi3filter.PlainBodyDecoder) // the roadmap feed
		openapi3filter.RegisterBodyDecoder("text/event-stream", openapi3filter.PlainBodyDecoder)    // GET /events
		doc, err := openapi3.NewLoader().LoadFromData(openapiDoc)
		if err != nil {
			contract.err = fmt.Errorf("load openapi.json: %w", err)
			return
		}
		if err := doc.Validate(context.Background()); err != nil {
			contract.err = fmt.Errorf("openapi.json is not a valid OpenAPI 3 document: %w", err)
			return
		}
		contract.doc = doc
		contract.router, contract.err = gorillamux.NewRouter(doc)
	})
	return contract.doc, contract.router, contract.err
}

// contractOptions checks formats the document uses (uuid, date-time) and fails on
// statuses the document does not list.
func contractOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		IncludeResponseStatus: true,
		MultiError:            true,
		AuthenticationFunc:    credentialsPresent,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{
			openapi3.EnableFormatValidation(),
			openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562)),
		},
	}
}

// credentialsPresent checks that an accepted request carried what its security scheme
// names (the server, not this function, decides whether the credentials are good).
func credentialsPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	req, scheme := in.RequestValidationInput.Request, in.SecurityScheme
	switch {
	case scheme.Type == "http" && scheme.Scheme == "bearer":
		if !strings.HasPrefix(req.Header.Get("Authorization"), "Bearer ") {
			return errors.New("no bearer token")
		}
	case scheme.Type == "apiKey" && scheme.In == "header":
		if req.Header.Get(scheme.Name) == "" {
			return fmt.Errorf("no %s header", scheme.Name)
		}
	case scheme.Type == "apiKey" && scheme.In == "cookie":
		if _, err := req.Cookie(scheme.Name); err != nil {
			return fmt.Errorf("no %s cookie", scheme.Name)
		}
	default:
		return fmt.Errorf("unknown security scheme %s", in.SecuritySchemeName)
	}
	return nil
}

// serve sends req to the server and checks the exchange against the contract.
func (e *testAPI) serve(t testing.TB, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			t.Fatal(err)
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	// The server may change the request (Echo rewrites trailing slashes); validate a copy.
	copyReq := req.Clone(context.Background())
	rec := httptest.NewRecorder()
	e.srv.Handler().ServeHTTP(rec, req)
	if strings.HasPrefix(copyReq.URL.Path, "/api/v1/hooks/in/") && rec.Code < 300 && !e.linkerStopped {
		// The event's link is made after the answer; tests that compare the tables
		// before and after each call see it with the call that made it.
		e.settleInbound(t)
	}
	if err := e.checkContract(copyReq, body, rec); err != nil {
		t.Errorf("contract: %s %s → %d does not match api/openapi.json: %v\nbody: %s",
			copyReq.Method, copyReq.URL, rec.Code, err, truncate(rec.Body.Bytes(), 600))
	}
	return rec
}

func (e *testAPI) checkContract(req *http.Request, body []byte, rec *httptest.ResponseRecorder) error {
	_, router, err := loadContract()
	if err != nil {
		return err
	}
	route, params, err := router.FindRoute(req)
	if errors.Is(err, routers.ErrPathNotFound) || errors.Is(err, routers.ErrMethodNotAllowed) {
		// The web UI (/*) and unknown paths; TestOpenAPIDocument checks every route is documented.
		return nil
	} else if err != nil {
		return err
	}
	opts := contractOptions()
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if rec.Code >= 200 && rec.Code < 300 {
		req.Body = io.NopCloser(bytes.NewReader(body))
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			return fmt.Errorf("the server accepted a request the document refuses: %w", err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code,
		Header: rec.Header(), Options: opts}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return err
	}
	if e.seen != nil {
		e.seen[route.Method+" "+route.Path+" "+fmt.Sprint(rec.Code)] = true
	}
	return nil
}

func truncate(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return string(b[:n]) + "…"
}
