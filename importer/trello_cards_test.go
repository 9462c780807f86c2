package importer

import (
	"errors"
	"strings"
	"testing"
)

func comment(cardID, date, text string, author map[string]any) map[string]any {
	return map[string]any{"id": "a" + date, "type": "commentCard", "date": date, "idMemberCreator": "m1",
		"data": map[string]any{"text": text, "textData": map[string]any{"emoji": map[string]any{}},
			"card": map[string]any{"id": cardID, "name": "x", "idShort": 4}, "board": map[string]any{"id": "b"}},
		"memberCreator": author}
}

func TestTrelloCommentsChecklistsAndAttachments(t *testing.T) {
	id := "637a008d3ce43701b21573d9"
	sample := map[string]any{"fullName": "Trello Sample User", "username": "usersample26"}
	b := parse(t, export(t, []map[string]any{list("l1", "Ideas", 1, false)},
		[]map[string]any{card(id, "l1", "attachments? comments too??", 1, false, map[string]any{
			"desc":         "This card should have an attachment.",
			"idChecklists": []string{"cl2", "cl1"},
			"badges":       map[string]any{"comments": 5},
			"attachments": []map[string]any{
				{"name": "1292650", "url": "https://govuk.zendesk.com/agent/tickets/1292650", "isUpload": false},
				{"name": "test.pdf", "url": "https://trello.com/1/cards/x/attachments/y/download/test.pdf", "isUpload": true},
			}})},
		nil,
		[]map[string]any{
			{"id": "cl2", "idCard": id, "name": "second checklist", "pos": 32768, "checkItems": []map[string]any{
				{"name": "b item", "state": "incomplete", "pos": 2}, {"name": "a item", "state": "complete", "pos": 1}}},
			{"id": "cl1", "idCard": id, "name": "first checklist", "pos": 16384, "checkItems": []map[string]any{
				{"name": "only item", "state": "incomplete", "pos": 1}}},
		},
		[]map[string]any{
			comment(id, "2022-11-21T19:48:52.870Z", "this is the third", sample),
			{"id": "u1", "type": "updateCard", "date": "2022-11-21T19:49:00.000Z", "data": map[string]any{"card": map[string]any{"id": id}}},
			comment(id, "2022-11-21T19:23:46.824Z", "this is the first", sample),
			comment(id, "2022-11-21T19:30:00.000Z", "from someone without a name", map[string]any{"username": "ghost"}),
			comment("not-a-card", "2022-11-21T19:30:00.000Z", "lost", sample),
		}))
	c := b.Columns[0].Cards[0]
	if len(c.Comments) != 3 || c.Comments[0].Body != "this is the first" || c.Comments[2].Body != "this is the third" {
		t.Fatalf("comments = %+v, want three, oldest first", c.Comments)
	}
	if c.Comments[0].Author != "Trello Sample User" || c.Comments[1].Author != "ghost" {
		t.Errorf("authors = %q, %q", c.Comments[0].Author, c.Comments[1].Author)
	}
	if c.Comments[0].At.Format("2006-01-02T15:04:05.000Z") != "2022-11-21T19:23:46.824Z" {
		t.Errorf("comment date = %v", c.Comments[0].At)
	}
	wantDesc := "This card should have an attachment.\n\n**first checklist**\n- [ ] only item\n\n**second checklist**\n" +
		"- [x] a item\n- [ ] b item\n\n**Attachments**\n- [test.pdf](https://trello.com/1/cards/x/attachments/y/download/test.pdf)"
	if c.Description != wantDesc {
		t.Errorf("description =\n%s\nwant\n%s", c.Description, wantDesc)
	}
	if len(c.Conversations) != 1 || c.Conversations[0].URL != "https://govuk.zendesk.com/agent/tickets/1292650" {
		t.Errorf("conversations = %+v, want the Zendesk ticket", c.Conversations)
	}
	if b.Skipped != 1 {
		t.Errorf("skipped = %d, want 1 (the comment on a card the file lacks)", b.Skipped)
	}
	joined := strings.Join(b.Warnings, "\n")
	if !strings.Contains(joined, "2 comments are not in the export") || !strings.Contains(joined, "last 1,000 actions") {
		t.Errorf("warnings = %q, want the 2 comments the card counts but the file lacks", b.Warnings)
	}
}

func TestTrelloLongAndControlCharacterNames(t *testing.T) {
	long := strings.Repeat("very long name ", 20)
	b := parse(t, export(t, []map[string]any{list("l1", "Ideas\twith a tab", 1, false), list("l2", "", 2, false)},
		[]map[string]any{card("63792d21e7e328003e8abc28", "l1", long, 1, false, map[string]any{"desc": "body\x00with NUL"}),
			card("63792d21e7e328003e8abc29", "l2", "  ", 2, false, nil)}, nil, nil, nil))
	c := b.Columns[0].Cards[0]
	if n := len([]rune(c.Title)); n != 200 || !strings.HasSuffix(c.Title, "…") {
		t.Errorf("title has %d characters (%q), want 200 ending in …", n, c.Title)
	}
	if !strings.HasPrefix(c.Description, strings.TrimSpace(long)) || strings.ContainsRune(c.Description, 0) {
		t.Errorf("description = %q, want the whole name first and no NUL", c.Description)
	}
	if b.Columns[0].Name != "Ideas with a tab" || b.Columns[1].Name != "Untitled list" || b.Columns[1].Cards[0].Title != "Untitled card" {
		t.Errorf("names: %q, %q, %q", b.Columns[0].Name, b.Columns[1].Name, b.Columns[1].Cards[0].Title)
	}
}

func TestTrelloPositionsAsStringsAndTies(t *testing.T) {
	b := parse(t, export(t, []map[string]any{list("l1", "Ideas", 1, false)},
		[]map[string]any{card("b2", "l1", "tie later id", 5, false, nil), card("b1", "l1", "tie earlier id", 5, false, nil),
			card("b0", "l1", "top", 0, false, map[string]any{"pos": "top"}), card("b9", "l1", "bottom", 0, false, map[string]any{"pos": "bottom"})},
		nil, nil, nil))
	if got := strings.Join(titles(b.Columns[0]), "|"); got != "top|tie earlier id|tie later id|bottom" {
		t.Errorf("order = %s", got)
	}
}

func TestTrelloFilesThatAreNotExports(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		notJSON    bool
		mentions   string
	}{
		{"not JSON", "Trello board\nname,desc", true, "not valid JSON"},
		{"cut short", `{"id":"x","lists":[{"id":"l1"`, true, "ends in the middle"},
		{"trailing data", `{"id":"x","lists":[],"cards":[]} {}`, true, "more data"},
		{"a list", `[{"id":"x"}]`, false, "one JSON object"},
		{"no lists", `{"id":"x","name":"n","cards":[]}`, false, `no "lists"`},
		{"no id", `{"name":"n","lists":[],"cards":[]}`, false, `no "id"`},
		{"wrong type", `{"id":"x","lists":[{"id":"l1","name":5}],"cards":[]}`, false, "lists[0].name"},
		{"cards not a list", `{"id":"x","lists":[],"cards":{"a":1}}`, false, `"cards" should be a list`},
	} {
		_, err := ParseTrello(strings.NewReader(tc.body), nil)
		var fe *FormatError
		if !errors.As(err, &fe) || fe.NotJSON != tc.notJSON || !strings.Contains(fe.Msg, tc.mentions) {
			t.Errorf("%s: error %v (not JSON %v), want a FormatError mentioning %q (not JSON %v)", tc.name, err,
				fe != nil && fe.NotJSON, tc.mentions, tc.notJSON)
		}
	}
}
