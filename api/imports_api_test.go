package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

func (e *testAPI) rows(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.db.Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// written counts what an import could have written: a refused upload changes none of it.
func (e *testAPI) written(t *testing.T) string {
	return fmt.Sprintf("boards %d, cards %d, imports %d, requesters %d, requests %d", e.rows(t, `SELECT count(*) FROM boards`),
		e.rows(t, `SELECT count(*) FROM cards`), e.rows(t, `SELECT count(*) FROM imports`),
		e.rows(t, `SELECT count(*) FROM requesters`), e.rows(t, `SELECT count(*) FROM requests`))
}

const trelloBoard = `{"id":"63792cd280232800fa06fe65","name":"Simple Project Board","desc":"","closed":false,"prefs":{},
"lists":[{"id":"l2","name":"DONE! 🙌🏽","closed":false,"pos":262143},{"id":"l1","name":"BRAINSTORM 🤔","closed":false,"pos":65535},
  {"id":"l3","name":"some archived list","closed":true,"pos":327679}],
"cards":[{"id":"63792cd280232800fa06fe96","name":"Second","idList":"l1","pos":81920,"closed":false,"desc":"","idLabels":["r"]},
  {"id":"63792cd280232800fa06fe94","name":"First","idList":"l1","pos":16384,"closed":false,"desc":"Why","idLabels":[]},
  {"id":"637bd0a5259d8d019ab34e33","name":"archived card in DONE","idList":"l2","pos":147456,"closed":true,"desc":""},
  {"id":"638278f22ebf720227bede70","name":"in an archived list","idList":"l3","pos":1,"closed":false,"desc":""}],
"labels":[{"id":"r","name":"","color":"red"}],"checklists":[],
"actions":[{"id":"x","type":"commentCard","date":"2022-11-21T19:23:46.824Z","data":{"text":"hello","card":{"id":"63792cd280232800fa06fe94"}},
  "memberCreator":{"fullName":"Trello Sample User"}}]}`

func TestTrelloImportOverHTTP(t *testing.T) {
	env := newTestAPI(t)
	before := env.written(t)

	// Dry run: the columns and stages it will create, nothing written.
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/trello?dry_run=true", trelloBoard)
	mustStatus(t, status, 200, raw)
	pv := decode[previewResponse](t, raw)
	var cols []string
	for _, c := range pv.Columns {
		cols = append(cols, c.Name+"="+c.Stage)
	}
	if strings.Join(cols, ", ") != "BRAINSTORM 🤔=open, DONE! 🙌🏽=done, some archived list=open" || pv.Counts.Cards != 2 || pv.Counts.ArchivedCards != 2 {
		t.Errorf("preview: %v, counts %+v", cols, pv.Counts)
	}
	if got := env.written(t); got != before {
		t.Fatalf("a dry run wrote: %s, was %s", got, before)
	}

	status, raw = env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/trello", trelloBoard)
	mustStatus(t, status, 202, raw)
	im := decode[importResponse](t, raw)
	if im.Status != "running" || im.Progress.Total == 0 {
		t.Errorf("started import: %+v", im)
	}
	if _, err := env.svc.RunImport(t.Context(), im.ID, nil); err != nil { // the queue's job, run here
		t.Fatal(err)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/imports/"+im.ID.String(), nil)
	mustStatus(t, status, 200, raw)
	im = decode[importResponse](t, raw)
	if im.Status != "done" || im.BoardID == nil || im.Progress.Done != im.Progress.Total || im.Counts.Cards != 2 || im.Counts.Labels != 1 {
		t.Fatalf("finished import: %+v", im)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/boards/"+im.BoardID.String()+"/cards", nil)
	mustStatus(t, status, 200, raw)
	live := decode[listResponse[cardResponse]](t, raw).Items
	if len(live) != 2 || live[0].Title != "First" || live[1].Title != "Second" || strings.Join(live[1].Labels, ",") != "red" {
		t.Errorf("live cards = %+v", live)
	}
	if n := env.rows(t, `SELECT count(*) FROM cards WHERE board_id = ? AND archived_at IS NOT NULL`, *im.BoardID); n != 2 {
		t.Errorf("%d archived cards, want 2", n)
	}
	if n := env.rows(t, `SELECT count(*) FROM cards WHERE board_id = ? AND shipped_at IS NOT NULL`, *im.BoardID); n != 0 {
		t.Errorf("%d imported cards shipped, want none", n)
	}
	if n := env.rows(t, `SELECT count(*) FROM activities WHERE board_id = ? AND action = 'imported'`, *im.BoardID); n != 4 {
		t.Errorf("%d imported activity lines, want one per card (4)", n)
	}

	// The same board again: 409 already_imported naming the board; nothing written.
	before = env.written(t)
	for _, path := range []string{"/api/v1/imports/trello", "/api/v1/imports/trello?dry_run=true"} {
		status, raw = env.call(t, domain.RoleEditor, "POST", path, trelloBoard)
		mustStatus(t, status, 409, raw)
		var body struct {
			Error struct {
				Code    string `json:"code"`
				BoardID string `json:"board_id"`
			} `json:"error"`
		}
		if err := json.Unmarshal(raw, &body); err != nil || body.Error.Code != "already_imported" || body.Error.BoardID != im.BoardID.String() {
			t.Errorf("%s again: %s", path, raw)
		}
	}
	if got := env.written(t); got != before {
		t.Errorf("a refused re-import wrote: %s, was %s", got, before)
	}
}

func TestTrelloUploadsThatAreRefused(t *testing.T) {
	env := newTestAPI(t)
	before := env.written(t)
	big := `{"id":"x","name":"big","lists":[],"cards":[],"desc":"` + strings.Repeat("a", 41<<20) + `"}`
	for _, tc := range []struct {
		name, body, ctype string
		status            int
		code, mentions    string
	}{
		{"not JSON", "name,desc\nIdeas,x\n", "", 400, "malformed_body", "not valid JSON"},
		{"not a Trello export", `{"format":"something else"}`, "", 422, "not_a_trello_export", "not a Trello board export"},
		{"too large", big, "", 413, "body_too_large", "40 MiB"},
		{"not JSON by type", trelloBoard, "text/csv", 415, "unsupported_media_type", "application/json"},
		{"no type", trelloBoard, "none", 415, "unsupported_media_type", "application/json"},
	} {
		headers := []string{}
		if tc.ctype != "" {
			headers = []string{"Content-Type", strings.TrimPrefix(tc.ctype, "none")}
		}
		status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/trello", tc.body, headers...)
		if status != tc.status || !strings.Contains(string(raw), tc.code) || !strings.Contains(string(raw), tc.mentions) {
			t.Errorf("%s: %d %s; want %d %s mentioning %q", tc.name, status, raw, tc.status, tc.code, tc.mentions)
		}
	}
	if got := env.written(t); got != before {
		t.Errorf("refused uploads wrote: %s, was %s", got, before)
	}
	status, raw := env.call(t, domain.RoleSupport, "POST", "/api/v1/imports/trello", trelloBoard)
	mustStatus(t, status, 403, raw)
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/imports/"+uuid.NewString(), nil)
	mustStatus(t, status, http.StatusNotFound, raw)
}
