package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/importer"
)

type rowErrorResponse struct {
	Row     int    `json:"row"`
	Line    int    `json:"line"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

type requestsImportResponse struct {
	DryRun        bool               `json:"dry_run"`
	Rows          int                `json:"rows"`
	Linked        int                `json:"linked"`
	NewRequests   int                `json:"new_requests"`
	NewRequesters int                `json:"new_requesters"`
	ShippedEmails int                `json:"shipped_emails"`
	Errors        []rowErrorResponse `json:"errors"`
	Warnings      []string           `json:"warnings"`
}

// importRequests reads a requests spreadsheet (text/csv) and links its valid rows,
// listing the others; with ?dry_run=true it only checks and counts.
func (s *Server) importRequests(c echo.Context) error {
	dry, err := dryRun(c)
	if err != nil {
		return err
	}
	body, err := importBody(c, "text/csv", "application/csv", "text/plain")
	if err != nil {
		return err
	}
	rows, warnings, err := importer.ParseRequestsCSV(body)
	if err != nil {
		return importError(err, "bad_csv_header")
	}
	res, err := s.deps.Service.ImportRequests(c.Request().Context(), actorFrom(c), rows, dry)
	if err != nil {
		return err
	}
	out := requestsImportResponse{DryRun: res.DryRun, Rows: res.Rows, Linked: res.Linked, NewRequests: res.NewRequests,
		NewRequesters: res.NewRequesters, ShippedEmails: res.ShippedEmails, Errors: []rowErrorResponse{},
		Warnings: nonNilStrings(warnings)}
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, rowErrorResponse(e))
	}
	return c.JSON(http.StatusOK, out)
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
