package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// importFigure is one import through the API on a freshly started server (so VmHWM
// is this import's peak): seconds from the upload's first byte to done.
type importFigure struct {
	What    string  `json:"what"`
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
	IdleMB  float64 `json:"idle_rss_mb"`
	PeakMB  float64 `json:"peak_rss_mb"`
	Rows    int     `json:"rows,omitempty"`
	Linked  int     `json:"linked,omitempty"`
}

const (
	importCards    = 10_000
	importActions  = 20_000
	importCSVRows  = 100_000
	importTrelloS  = 20.0
	importCSVS     = 30.0
	importTargetMB = 200.0
)

// benchImport: a generated Trello export of 10,000 cards and 20,000 actions through
// POST /imports/trello until GET /imports/{id} says done; then a 100,000-row requests
// CSV over the imported cards through POST /imports/requests.
func benchImport(ctx context.Context, h *harness, r *results) error {
	e, err := h.newEnv(ctx, "import", "")
	if err != nil {
		return err
	}
	defer e.close()
	export := filepath.Join(h.tmp, "trello-export.json")
	if err := writeFile(export, func(w io.Writer) error { return writeTrelloExport(w, importCards, importActions) }); err != nil {
		return err
	}
	tr, boardID, err := timedUpload(ctx, e, "trello", export, "application/json", "/api/v1/imports/trello")
	if err != nil {
		return err
	}
	logf("  Trello export %.1f MB: %.2f s, peak RSS %.0f MB", float64(tr.Bytes)/1e6, tr.Seconds, tr.PeakMB)
	var ids []string
	rows, err := e.db.Query(ctx, `SELECT id::text FROM cards WHERE board_id = $1 AND archived_at IS NULL`, boardID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sheet := filepath.Join(h.tmp, "requests.csv")
	if err := writeFile(sheet, func(w io.Writer) error { return writeRequestsCSV(w, importCSVRows, ids) }); err != nil {
		return err
	}
	csv, _, err := timedUpload(ctx, e, "csv", sheet, "text/csv", "/api/v1/imports/requests")
	if err != nil {
		return err
	}
	logf("  requests CSV %.1f MB, %d rows, %d linked: %.2f s, peak RSS %.0f MB", float64(csv.Bytes)/1e6, csv.Rows, csv.Linked, csv.Seconds, csv.PeakMB)
	r.Import = []importFigure{tr, csv}
	r.check("Trello import, 10,000 cards + 20,000 actions", fmt.Sprintf("%.1f s", tr.Seconds), "≤ 20 s", tr.Seconds <= importTrelloS, "")
	r.check("Trello import peak server RSS", fmt.Sprintf("%.0f MB", tr.PeakMB), "≤ 200 MB", tr.PeakMB <= importTargetMB, "")
	r.check("requests CSV import, 100,000 rows", fmt.Sprintf("%.1f s", csv.Seconds), "≤ 30 s", csv.Seconds <= importCSVS, "")
	r.check("requests CSV import peak server RSS", fmt.Sprintf("%.0f MB", csv.PeakMB), "≤ 200 MB", csv.PeakMB <= importTargetMB, "")
	if csv.Linked != importCSVRows {
		return fmt.Errorf("the CSV import linked %d of %d rows", csv.Linked, importCSVRows)
	}
	return nil
}

// timedUpload restarts the server (a fresh VmHWM), posts the file and, for a board
// import, polls GET /imports/{id} until done; it returns the figure and the board id.
func timedUpload(ctx context.Context, e *env, what, path, ctype, route string) (importFigure, string, error) {
	f := importFigure{What: what}
	e.srv.stop()
	var err error
	if e.srv, err = e.srv.restart(ctx); err != nil {
		return f, "", err
	}
	e.api = newAPIClient(e.srv.URL, e.token, 4)
	time.Sleep(time.Second)
	idle, err := procStatusKB(e.srv.PID(), "VmRSS")
	if err != nil {
		return f, "", err
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return f, "", err
	}
	f.Bytes, f.IdleMB = int64(len(body)), float64(idle)/1024
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.srv.URL+route, bytes.NewReader(body))
	if err != nil {
		return f, "", err
	}
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("Content-Type", ctype)
	client := &http.Client{Timeout: 5 * time.Minute}
	res, err := client.Do(req)
	if err != nil {
		return f, "", err
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var out struct {
		ID      string  `json:"id"`
		Status  string  `json:"status"`
		BoardID *string `json:"board_id"`
		Rows    int     `json:"rows"`
		Linked  int     `json:"linked"`
		Errors  []any   `json:"errors"`
	}
	if res.StatusCode/100 != 2 || json.Unmarshal(raw, &out) != nil {
		return f, "", fmt.Errorf("POST %s: %d %.300s", route, res.StatusCode, raw)
	}
	for out.ID != "" && out.Status == "running" {
		time.Sleep(100 * time.Millisecond)
		if err := e.api.call(ctx, "GET", "/api/v1/imports/"+out.ID, nil, &out); err != nil {
			return f, "", err
		}
	}
	f.Seconds = time.Since(start).Seconds()
	if out.ID != "" && out.Status != "done" {
		return f, "", fmt.Errorf("import %s ended %s: %v", out.ID, out.Status, out.Errors)
	}
	peak, err := procStatusKB(e.srv.PID(), "VmHWM")
	if err != nil {
		return f, "", err
	}
	f.PeakMB, f.Rows, f.Linked = float64(peak)/1024, out.Rows, out.Linked
	board := ""
	if out.BoardID != nil {
		board = *out.BoardID
	}
	return f, board, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
