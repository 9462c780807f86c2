package api

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

func TestRequestsCSVReportsExactlyTheBadRowsAndLinksTheRest(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	ctx := context.Background()
	csvCard, darkMode := f.newCard(f.board), f.newCard(f.board)
	title := func(c domain.Card, s string) {
		if _, err := env.svc.UpdateCard(ctx, f.actor, c.ID, domain.CardPatch{Title: &s}); err != nil {
			t.Fatal(err)
		}
	}
	title(darkMode, "Dark mode")
	dupA, dupB := f.newCard(f.board), f.newCard(f.board)
	title(dupA, "Twice")
	title(dupB, "Twice")
	archived := f.newCard(f.board)
	if err := env.svc.ArchiveCard(ctx, f.actor, archived.ID, nil); err != nil {
		t.Fatal(err)
	}
	file := strings.Join([]string{
		"\ufeffemail,name,company,card,quote,source,conversation_url,notes",
		fmt.Sprintf("ann@example.com,Ann,Acme,%s,CSV every Monday,intercom,,call her", csvCard.ID), // 1 ok
		fmt.Sprintf("not-an-address,Bob,,%s,,,,", csvCard.ID),                                      // 2 email
		"cat@example.com,Cat,,Dark mode,\"At night, please\",,,",                                   // 3 ok (title)
		"dan@example.com,Dan,,No such card,,,,",                                                    // 4 card
		"eve@example.com,Eve,,Twice,,,,",                                                           // 5 card (ambiguous)
		fmt.Sprintf("fay@example.com,Fay,,%s,,carrier pigeon,,", csvCard.ID),                       // 6 source
		fmt.Sprintf("gus@example.com,Gus,,%s,,,javascript:alert(1),", csvCard.ID),                  // 7 conversation_url
		"ann@example.com,,,Dark mode,Also dark,,https://acme.zendesk.com/agent/tickets/42,",        // 8 ok
		"hal@example.com,Hal,,,,,,",                                                                // 9 card missing
		fmt.Sprintf("ANN@example.com,,,%s,And CSV for finance,,,", csvCard.ID),                     // 10 ok: same link, quote added
		fmt.Sprintf("ivy@example.com,Ivy,,%s,,,,", archived.ID),                                    // 11 card archived
		"",
	}, "\r\n")
	want := map[int]string{2: "email", 4: "card", 5: "card", 6: "source", 7: "conversation_url", 9: "card", 11: "card"}
	before := env.written(t)

	check := func(dry bool) requestsImportResponse {
		t.Helper()
		path := "/api/v1/imports/requests"
		if dry {
			path += "?dry_run=true"
		}
		status, raw := env.call(t, domain.RoleEditor, "POST", path, file, "Content-Type", "text/csv; charset=utf-8")
		mustStatus(t, status, 200, raw)
		res := decode[requestsImportResponse](t, raw)
		got := map[int]string{}
		for _, e := range res.Errors {
			got[e.Row] = e.Field
			if e.Message == "" || e.Line != e.Row+1 {
				t.Errorf("row %d: line %d, message %q", e.Row, e.Line, e.Message)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("dry %v: errors %v, want exactly %v", dry, res.Errors, want)
		}
		if res.Rows != 11 || res.Linked != 4 || res.NewRequests != 3 || res.NewRequesters != 2 || res.DryRun != dry {
			t.Errorf("dry %v: %+v, want 11 rows, 4 linked, 3 new requests, 2 new requesters", dry, res)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "notes") {
			t.Errorf("warnings = %q, want the unknown column named", res.Warnings)
		}
		return res
	}
	check(true)
	if got := env.written(t); got != before {
		t.Fatalf("the dry run wrote: %s, was %s", got, before)
	}
	check(false)

	links := func(cardID string) []string {
		var out []string
		if err := env.db.Raw(`SELECT r.email || ':' || q.quote || ':' || jsonb_array_length(q.quotes) || ':' || q.source
FROM requests q JOIN requesters r ON r.id = q.requester_id WHERE q.card_id = ?::uuid ORDER BY r.email`, cardID).Scan(&out).Error; err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := links(csvCard.ID.String()); !slices.Equal(got, []string{"ann@example.com:And CSV for finance:2:intercom"}) {
		t.Errorf("CSV card requests = %q", got)
	}
	if got := links(darkMode.ID.String()); !slices.Equal(got, []string{"ann@example.com:Also dark:1:zendesk", "cat@example.com:At night, please:1:import"}) {
		t.Errorf("Dark mode requests = %q", got)
	}
	if n := env.rows(t, `SELECT requester_count FROM cards WHERE id = ?`, darkMode.ID); n != 2 {
		t.Errorf("Dark mode counts %d requesters, want 2", n)
	}
	if n := env.rows(t, `SELECT count(*) FROM conversations WHERE card_id = ? AND tool = 'zendesk' AND external_id = '42'`, darkMode.ID); n != 1 {
		t.Errorf("%d Zendesk conversations on Dark mode, want 1", n)
	}
	for _, who := range []string{"bob", "dan", "eve", "fay", "gus", "hal", "ivy"} {
		if n := env.rows(t, `SELECT count(*) FROM requesters WHERE email = ?`, who+"@example.com"); n != 0 {
			t.Errorf("%s (a bad row) was written", who)
		}
	}
}

func TestRequestsCSVWithoutTheNeededColumns(t *testing.T) {
	env := newTestAPI(t)
	for body, mentions := range map[string]string{
		"name,quote\nAnn,hi\n": `no \"email\" column`,
		"":                     "the file is empty",
		"email,card,email\n":   "twice",
	} {
		status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/requests", body, "Content-Type", "text/csv")
		if status != 422 || !strings.Contains(string(raw), mentions) {
			t.Errorf("%q: %d %s, want 422 mentioning %s", body, status, raw, mentions)
		}
	}
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/requests", "email,card\n\"unterminated,x\n", "Content-Type", "text/csv")
	mustStatus(t, status, 400, raw)
	status, raw = env.call(t, domain.RoleEditor, "POST", "/api/v1/imports/requests", "email,card\n", "Content-Type", "application/json")
	mustStatus(t, status, 415, raw)
}
