package api

import (
	"testing"

	"github.com/closeloop/closeloop/domain"
)

func TestBoardLabelsRenameRecolourAndFilterByAll(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	b := f.newBoard()
	both := f.newLabelledCard(b, "ux", "mobile")
	f.newLabelledCard(b, "ux")
	f.newLabelledCard(b, "mobile", "phones")
	board := "/api/v1/boards/" + b.ID.String()

	status, raw := env.call(t, domain.RoleViewer, "GET", board+"/cards?label=ux,mobile", nil)
	mustStatus(t, status, 200, raw)
	if got := cardIDs(t, raw); len(got) != 1 || got[0] != both.ID {
		t.Errorf("label=ux,mobile: %v, want only %s", got, both.ID)
	}

	before := dbState(t, env)
	for _, c := range []struct {
		path  string
		body  map[string]string
		want  int
		field string
	}{
		{board + "/labels/ux", map[string]string{"color": "mauve"}, 422, "color"},
		{board + "/labels/ux", map[string]string{"name": ""}, 422, "name"},
		{board + "/labels/ux", map[string]string{"name": "a\tb"}, 422, "name"},
		{board + "/labels/none", map[string]string{"color": "red"}, 404, ""},
	} {
		status, raw := env.call(t, domain.RoleEditor, "PATCH", c.path, c.body)
		if status != c.want || c.field != "" && decode[ErrorBody](t, raw).Error.Fields[c.field] == "" {
			t.Errorf("PATCH %s %v: %d %s, want %d on %q", c.path, c.body, status, raw, c.want, c.field)
		}
	}
	if diff := stateDiff(before, dbState(t, env)); diff != "" {
		t.Errorf("refused label changes changed %s", diff)
	}

	status, raw = env.call(t, domain.RoleEditor, "PATCH", board+"/labels/mobile", map[string]string{"color": "blue_dark"})
	if status != 422 {
		t.Errorf("a Trello colour name through the API: %d %s, want 422", status, raw)
	}
	status, raw = env.call(t, domain.RoleEditor, "PATCH", board+"/labels/mobile", map[string]string{"color": "blue"})
	mustStatus(t, status, 200, raw)
	// Renaming onto an existing label merges: the card with both keeps one; phones had no
	// colour, so it takes mobile's.
	status, raw = env.call(t, domain.RoleEditor, "PATCH", board+"/labels/mobile", map[string]string{"name": "phones"})
	mustStatus(t, status, 200, raw)
	if got := decode[domain.BoardLabel](t, raw); got.Name != "phones" || got.Count != 2 || got.Color != "blue" {
		t.Errorf("after merging mobile into phones: %s", raw)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", board+"/labels", nil)
	mustStatus(t, status, 200, raw)
	got := decode[listResponse[domain.BoardLabel]](t, raw).Items
	want := []domain.BoardLabel{{Name: "phones", Color: "blue", Count: 2}, {Name: "ux", Color: "grey", Count: 2}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("labels = %+v, want %+v", got, want)
	}
	status, raw = env.call(t, domain.RoleViewer, "GET", "/api/v1/cards/"+both.ID.String(), nil)
	mustStatus(t, status, 200, raw)
	if c := decode[cardResponse](t, raw); len(c.Labels) != 2 || c.Labels[0] != "ux" || c.Labels[1] != "phones" {
		t.Errorf("card after rename = %v", c.Labels)
	}
}
