package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// Support files what customers ask for: cards in open columns, nowhere else.
func TestSupportCreatesCardsOnlyInOpenColumns(t *testing.T) {
	env := newTestAPI(t)
	status, raw := env.call(t, domain.RoleEditor, "POST", "/api/v1/boards", map[string]string{"name": "Roadmap"})
	mustStatus(t, status, http.StatusCreated, raw)
	board := decode[struct {
		ID      string
		Columns []struct{ ID, Name, Stage string }
	}](t, raw)
	path := "/api/v1/boards/" + board.ID + "/cards"
	cards := func() int { return peopleCount(t, env, `SELECT count(*) FROM cards`) }

	for _, col := range board.Columns {
		before := cards()
		status, raw := env.call(t, domain.RoleSupport, "POST", path, map[string]string{"column_id": col.ID, "kind": "request", "title": "Webhook"})
		if col.Stage == "open" {
			mustStatus(t, status, http.StatusCreated, raw)
			if got := decode[struct{ Title, ColumnID string }](t, raw); got.Title != "Webhook" {
				t.Errorf("support's card in %s: %s", col.Name, raw)
			}
			continue
		}
		mustStatus(t, status, http.StatusForbidden, raw)
		e := decode[ErrorBody](t, raw).Error
		if e.Code != "forbidden" || !strings.Contains(e.Message, "only in open columns") || !strings.Contains(e.Message, col.Name) {
			t.Errorf("support in %s (%s): %s", col.Name, col.Stage, raw)
		}
		if after := cards(); after != before {
			t.Errorf("support refused in %s, but cards went %d → %d", col.Name, before, after)
		}
		// An editor still creates cards anywhere.
		status, raw = env.call(t, domain.RoleEditor, "POST", path, map[string]string{"column_id": col.ID, "kind": "idea", "title": "Planned work"})
		mustStatus(t, status, http.StatusCreated, raw)
	}
	// A viewer creates nothing, even in an open column.
	status, raw = env.call(t, domain.RoleViewer, "POST", path, map[string]string{"column_id": board.Columns[0].ID, "kind": "idea", "title": "No"})
	mustStatus(t, status, http.StatusForbidden, raw)
}

// A request without a conversation link (a phone call, a meeting) and the source rules.
func TestRequestSources(t *testing.T) {
	env := newTestAPI(t)
	card := peopleCard(t, env, "open")
	path := "/api/v1/cards/" + card.String() + "/requests"
	tests := []struct {
		name string
		body map[string]string
		want string // the source stored; "" ⇒ 422 on field source
		conv bool   // a conversation is recorded
	}{
		{"phone call, no link", map[string]string{"email": "ann@example.com", "company": "Acme", "quote": "Asked on the phone", "source": "phone"}, "phone", false},
		{"meeting in capitals", map[string]string{"email": "bo@example.com", "source": " Meeting "}, "meeting", false},
		{"no source, Intercom link", map[string]string{"email": "cy@example.com",
			"conversation_url": "https://app.intercom.com/a/inbox/abc123/inbox/conversation/215470089327431"}, "intercom", true},
		{"no source, unknown link", map[string]string{"email": "di@example.com", "conversation_url": "https://support.example.com/t/9"}, "other", true},
		{"no source, no link", map[string]string{"email": "ed@example.com", "quote": "hallway"}, "other", false},
		{"source beside a link", map[string]string{"email": "fay@example.com", "source": "chat",
			"conversation_url": "https://acme.zendesk.com/agent/tickets/12"}, "chat", true},
		{"unknown source", map[string]string{"email": "gus@example.com", "source": "carrier pigeon"}, "", false},
		{"source beyond the list", map[string]string{"email": "gus@example.com", "source": "call"}, "", false},
	}
	for _, tt := range tests {
		requesters, convs := peopleCount(t, env, `SELECT count(*) FROM requesters`), peopleCount(t, env, `SELECT count(*) FROM conversations`)
		status, raw := env.call(t, domain.RoleSupport, "POST", path, tt.body)
		if tt.want == "" {
			mustStatus(t, status, http.StatusUnprocessableEntity, raw)
			if f := decode[ErrorBody](t, raw).Error.Fields; f["source"] == "" || len(f) != 1 {
				t.Errorf("%s: fields %v, want source only", tt.name, f)
			}
			if peopleCount(t, env, `SELECT count(*) FROM requesters`) != requesters {
				t.Errorf("%s: refused but a requester was written", tt.name)
			}
			continue
		}
		mustStatus(t, status, http.StatusCreated, raw)
		got := decode[linkBody](t, raw)
		if got.Source != tt.want || (got.Conversation != nil) != tt.conv {
			t.Errorf("%s: source %q conversation %v, want %q %v: %s", tt.name, got.Source, got.Conversation != nil, tt.want, tt.conv, raw)
		}
		wantConvs := convs
		if tt.conv {
			wantConvs++
		}
		if n := peopleCount(t, env, `SELECT count(*) FROM conversations`); n != wantConvs {
			t.Errorf("%s: conversations %d, want %d", tt.name, n, wantConvs)
		}
	}
	if c := peopleCount(t, env, `SELECT count(*) FROM requesters WHERE email = 'ann@example.com' AND company = 'Acme'`); c != 1 {
		t.Errorf("the company given in the support form was not kept")
	}
}
