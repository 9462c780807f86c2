package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// writeTrelloExport writes a Trello board export with cards cards and actions
// actions in the real file's shape (board-level prefs and labels, cards with badges,
// labels, covers and checklists, actions with their memberCreator), a card and an
// action at a time. Six lists; every tenth card is closed, one list is closed; most
// actions are comments, the others card updates.
func writeTrelloExport(w io.Writer, cards, actions int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	r := rand.New(rand.NewPCG(14, 14)) //nolint:gosec // G404: a generated board, the same every run; nothing secret
	lists := []string{"Ideas 💡", "Planned", "Doing", "Done! 🎉", "Won't do", "Old stuff"}
	colors := []any{"green", "yellow", "orange", "red", "purple", "blue_dark", nil}
	fmt.Fprint(bw, `{"id":"5e1100000000000000bench1","name":"Bench board","desc":"A generated board","closed":false,`+
		`"prefs":{"permissionLevel":"org","background":"blue","cardCovers":true},"labelNames":{"green":"","red":"bug"},"lists":[`)
	for i, name := range lists {
		sep(bw, i)
		fmt.Fprintf(bw, `{"id":"list%04d","name":%q,"closed":%t,"idBoard":"5e1100000000000000bench1","pos":%d,"softLimit":null,`+
			`"limits":{"cards":{"openPerList":{"status":"ok","disableAt":5000,"warnAt":4000}}}}`, i, name, i == len(lists)-1, (i+1)*65536)
	}
	fmt.Fprint(bw, `],"labels":[`)
	for i, c := range colors {
		sep(bw, i)
		name := ""
		if i%2 == 0 {
			name = fmt.Sprintf("label %d", i)
		}
		col, _ := json.Marshal(c)
		fmt.Fprintf(bw, `{"id":"label%04d","idBoard":"5e1100000000000000bench1","name":%q,"color":%s}`, i, name, col)
	}
	fmt.Fprint(bw, `],"cards":[`)
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for i := range cards {
		sep(bw, i)
		desc := strings.Repeat(fmt.Sprintf("Customers keep asking for item %d. ", i), 1+r.IntN(6))
		fmt.Fprintf(bw, `{"id":"%08x%016x","name":"Request number %d: make the thing better","desc":%q,"closed":%t,`+
			`"idList":"list%04d","idBoard":"5e1100000000000000bench1","pos":%d,"idLabels":["label%04d"],"idMembers":[],`+
			`"idChecklists":[],"dateLastActivity":"2022-11-21T19:49:03.697Z","shortLink":"s%07d","idShort":%d,`+
			`"badges":{"votes":0,"comments":%d,"attachments":0,"description":true,"checkItems":0,"checkItemsChecked":0},`+
			`"labels":[],"attachments":[],"cover":{"idAttachment":null,"color":null,"size":"normal","brightness":"light"},`+
			`"limits":{"attachments":{"perCard":{"status":"ok","disableAt":1000,"warnAt":800}}},"url":"https://trello.com/c/s%07d"}`,
			base+int64(i), i, i, desc, i%10 == 9, i%len(lists), 16384*(i+1), i%len(colors), i, i, actions/cards, i)
	}
	fmt.Fprint(bw, `],"actions":[`)
	for i := range actions {
		sep(bw, i)
		card := r.IntN(cards)
		kind, data := "commentCard", fmt.Sprintf(`{"text":"Comment %d: a customer asked again today.","textData":{"emoji":{}}`, i)
		if i%5 == 4 {
			kind, data = "updateCard", `{"old":{"desc":""}`
		}
		fmt.Fprintf(bw, `{"id":"a%023d","idMemberCreator":"m1","type":%q,"date":"2022-%02d-%02dT10:00:00.000Z",`+
			`"data":%s,"card":{"id":"%08x%016x","name":"Request","idShort":%d},"board":{"id":"5e1100000000000000bench1"}},`+
			`"memberCreator":{"id":"m1","fullName":"Trello Sample User","username":"sample","initials":"TU"}}`,
			i, kind, 1+i%12, 1+i%28, data, base+int64(card), card, card)
	}
	fmt.Fprint(bw, `],"checklists":[],"members":[],"customFields":[],"pluginData":[]}`)
	return bw.Flush()
}

func sep(w io.Writer, i int) {
	if i > 0 {
		io.WriteString(w, ",") //nolint:errcheck // a bufio.Writer reports its error at Flush
	}
}

// writeRequestsCSV writes rows requests over the given card ids: about a person per
// two rows (some ask for several cards), every third row with a conversation link.
func writeRequestsCSV(w io.Writer, rows int, cards []string) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	r := rand.New(rand.NewPCG(15, 15)) //nolint:gosec // G404: generated rows, the same every run; nothing secret
	fmt.Fprintln(bw, "email,name,company,card,quote,source,conversation_url")
	sources := []string{"intercom", "zendesk", "email", "phone", ""}
	for i := range rows {
		person := r.IntN(rows / 2)
		url := ""
		if i%3 == 0 {
			url = fmt.Sprintf("https://acme.zendesk.com/agent/tickets/%d", i)
		}
		fmt.Fprintf(bw, "person%d@example.com,Person %d,Company %d,%s,\"I need this, row %d\",%s,%s\n",
			person, person, person%500, cards[r.IntN(len(cards))], i, sources[i%len(sources)], url)
	}
	return bw.Flush()
}
