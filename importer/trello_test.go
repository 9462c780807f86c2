package importer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

func TestStageOfListNames(t *testing.T) {
	for name, want := range map[string]domain.Stage{
		"DONE! 🙌🏽": domain.StageDone, "Shipped 🚀": domain.StageDone, "Released": domain.StageDone,
		"Complete": domain.StageDone, "completed this quarter": domain.StageDone,
		"Planned": domain.StagePlanned, "Up next": domain.StagePlanned, "Coming soon": domain.StagePlanned,
		"DOING ⚙️": domain.StageInProgress, "In progress": domain.StageInProgress, "in-progress": domain.StageInProgress,
		"WIP":      domain.StageInProgress,
		"Won't do": domain.StageDeclined, "Won’t fix": domain.StageDeclined, "Declined": domain.StageDeclined,
		"Rejected ideas": domain.StageDeclined,
		"BRAINSTORM 🤔":   domain.StageOpen, "TODO 📚": domain.StageOpen, "Undone": domain.StageOpen,
		"Nextcloud feedback": domain.StageOpen, "Backlog": domain.StageOpen, "": domain.StageOpen,
	} {
		if got := StageOf(name); got != want {
			t.Errorf("StageOf(%q) = %s, want %s", name, got, want)
		}
	}
}

// export builds a Trello export in the real file's shape (see the README of the
// fixtures the importer was written against: keys, nulls and nesting as Trello has them).
func export(t *testing.T, lists, cards, labels, checklists, actions []map[string]any) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"id": "63792cd280232800fa06fe65", "name": "Simple Project Board", "desc": "A board", "closed": false,
		"prefs": map[string]any{"background": "blue"}, "labelNames": map[string]string{"green": ""},
		"lists": lists, "cards": cards, "labels": labels, "checklists": checklists, "actions": actions,
		"members": []any{}, "customFields": []any{}, "pluginData": []any{},
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func list(id, name string, pos float64, closed bool) map[string]any {
	return map[string]any{"id": id, "name": name, "closed": closed, "pos": pos, "idBoard": "63792cd280232800fa06fe65", "softLimit": nil}
}

func card(id, list, name string, pos float64, closed bool, extra map[string]any) map[string]any {
	c := map[string]any{"id": id, "idList": list, "name": name, "pos": pos, "closed": closed, "desc": "",
		"idLabels": []string{}, "idChecklists": []string{}, "labels": []any{}, "attachments": []any{},
		"badges": map[string]any{"comments": 0, "attachments": 0}, "dateLastActivity": "2022-11-21T19:49:03.697Z",
		"cover": map[string]any{"color": nil}}
	for k, v := range extra {
		c[k] = v
	}
	return c
}

func parse(t *testing.T, raw string) *domain.BoardImport {
	t.Helper()
	b, err := ParseTrello(strings.NewReader(raw), nil)
	if err != nil {
		t.Fatalf("ParseTrello: %v", err)
	}
	return b
}

func titles(col domain.ImportColumn) []string {
	var out []string
	for _, c := range col.Cards {
		out = append(out, c.Title)
	}
	return out
}

func TestTrelloListsBecomeColumnsInPosOrder(t *testing.T) {
	b := parse(t, export(t,
		[]map[string]any{list("l3", "DONE! 🙌🏽", 262143, false), list("l1", "BRAINSTORM 🤔", 65535, false),
			list("l4", "some archived list", 327679, true), list("l2", "DOING ⚙️", 196607, false)},
		[]map[string]any{
			card("6379f8ba655a6d00acfadd0e", "l1", "second", 147456, false, nil),
			card("63792cd280232800fa06fe94", "l1", "first", 16384, false, nil),
			card("637bd0a5259d8d019ab34e33", "l3", "archived card in DONE", 147456, true, nil),
			card("63792cd280232800fa06fe9a", "l3", "shipped thing", 16384, false, nil),
			card("638278f22ebf720227bede68", "l4", "card of an archived list", 1, false, nil),
			card("638278f22ebf720227bede69", "gone", "card of a list the file lacks", 1, false, nil),
		}, nil, nil, nil))
	var names []string
	var stages []domain.Stage
	for _, c := range b.Columns {
		names, stages = append(names, c.Name), append(stages, c.Stage)
	}
	if strings.Join(names, "|") != "BRAINSTORM 🤔|DOING ⚙️|DONE! 🙌🏽|some archived list" {
		t.Errorf("columns = %q", names)
	}
	if want := []domain.Stage{domain.StageOpen, domain.StageInProgress, domain.StageDone, domain.StageOpen}; !equalStages(stages, want) {
		t.Errorf("stages = %v, want %v", stages, want)
	}
	if got := titles(b.Columns[0]); strings.Join(got, "|") != "first|second" {
		t.Errorf("cards of the first column in pos order = %q", got)
	}
	done := b.Columns[2].Cards
	if len(done) != 2 || done[0].Title != "shipped thing" || done[0].Archived || !done[1].Archived {
		t.Errorf("done column = %+v: want the open card, then the closed one archived", done)
	}
	arch := b.Columns[3]
	if !arch.Archived || len(arch.Cards) != 1 || !arch.Cards[0].Archived {
		t.Errorf("closed list: %+v, want an archived column whose card is archived", arch)
	}
	if b.Skipped != 1 || len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "list the export does not have") {
		t.Errorf("skipped %d, warnings %q", b.Skipped, b.Warnings)
	}
	if b.SourceID != "63792cd280232800fa06fe65" || b.Kind != domain.ImportTrello || b.Name != "Simple Project Board" {
		t.Errorf("board: %+v", b)
	}
	if got := done[0].CreatedAt.Format("2006-01-02"); got != "2022-11-19" {
		t.Errorf("created at %s, want the time in the card's id (2022-11-19)", got)
	}
}

func equalStages(a, b []domain.Stage) bool {
	return strings.Join(stageStrings(a), ",") == strings.Join(stageStrings(b), ",")
}

func stageStrings(s []domain.Stage) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = string(x)
	}
	return out
}

func TestTrelloLabelsByNameElseColour(t *testing.T) {
	red, dark := "red", "blue_dark"
	b := parse(t, export(t, []map[string]any{list("l1", "Ideas", 1, false)},
		[]map[string]any{card("63792d01b9fe8801a15d116c", "l1", "labelled", 1, false, map[string]any{
			"idLabels": []string{"named", "nocolour", "unnamed", "darkunnamed", "nothing"}})},
		[]map[string]any{
			{"id": "named", "name": "green label", "color": "green"},
			{"id": "nocolour", "name": "label without color", "color": nil},
			{"id": "unnamed", "name": "", "color": red},
			{"id": "darkunnamed", "name": "", "color": dark},
			{"id": "nothing", "name": "", "color": nil},
		}, nil, nil))
	got := b.Columns[0].Cards[0].Labels
	if strings.Join(got, "|") != "green label|label without color|red|dark blue" {
		t.Errorf("labels = %q", got)
	}
	if b.LabelColors["green label"] != "green" || b.LabelColors["red"] != "red" || b.LabelColors["dark blue"] != "blue_dark" {
		t.Errorf("colours = %v", b.LabelColors)
	}
	if _, has := b.LabelColors["label without color"]; has {
		t.Errorf("a label with a null colour got one: %v", b.LabelColors)
	}
	if b.Skipped != 1 {
		t.Errorf("skipped = %d, want 1 (the label with neither name nor colour)", b.Skipped)
	}
}
