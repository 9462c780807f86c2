package api

import (
	"encoding/json"
	"fmt"

	"github.com/closeloop/closeloop/domain"
)

// walkImportExportMerge is the contract walk's part for issue 14: a Trello board comes
// in (dry run, then for real), is exported and imported again, people come from a
// spreadsheet, and cards and requesters are merged.
func walkImportExportMerge(w walker) {
	const editor, viewer = domain.RoleEditor, domain.RoleViewer
	f := &fixtures{t: w.t, env: w.env, actor: domain.Actor{Name: "walk", Role: domain.RoleAdmin}}
	f.board = f.newBoard()
	export := f.trelloExport()
	w.do(editor, 200, "POST", "/api/v1/imports/trello?dry_run=true", export)
	im := decode[importResponse](w.t, w.do(editor, 202, "POST", "/api/v1/imports/trello", export))
	if _, err := w.env.svc.RunImport(w.t.Context(), im.ID, nil); err != nil { // no queue in these tests
		w.t.Fatal(err)
	}
	done := decode[importResponse](w.t, w.do(viewer, 200, "GET", "/api/v1/imports/"+im.ID.String(), nil))
	if done.Status != "done" || done.BoardID == nil {
		w.t.Fatalf("import after its run: %+v", done)
	}
	board := "/api/v1/boards/" + done.BoardID.String()
	cards := decode[listResponse[cardResponse]](w.t, w.do(viewer, 200, "GET", board+"/cards", nil)).Items
	if len(cards) != 1 {
		w.t.Fatalf("imported board has %d cards, want 1", len(cards))
	}
	w.do(editor, 200, "POST", "/api/v1/imports/requests?dry_run=true", fmt.Sprintf("email,card,quote\nwalk@example.com,%s,Yes\n", cards[0].ID),
		"Content-Type", "text/csv")
	w.do(editor, 200, "POST", "/api/v1/imports/requests", fmt.Sprintf("email,card,quote\nwalk@example.com,%s,Yes\n", cards[0].ID),
		"Content-Type", "text/csv")
	raw := w.do(viewer, 200, "GET", board+"/export.json", nil)
	w.do(viewer, 200, "GET", board+"/export.csv", nil)
	var doc json.RawMessage = raw
	w.do(editor, 200, "POST", "/api/v1/imports/closeloop?dry_run=true", string(doc))
	w.do(editor, 202, "POST", "/api/v1/imports/closeloop", string(doc))

	a, b := f.newMergePair()
	w.do(editor, 200, "POST", "/api/v1/cards/"+a.String()+"/merge?dry_run=true", map[string]any{"into_id": b})
	w.do(editor, 200, "POST", "/api/v1/cards/"+a.String()+"/merge", map[string]any{"into_id": b})
	w.do(editor, 200, "POST", "/api/v1/cards/"+a.String()+"/unmerge", nil)
	one, other := f.newLink(b), f.newLink(b)
	w.do(viewer, 200, "GET", "/api/v1/requesters/"+one.String()+"/export", nil)
	w.do(editor, 200, "POST", "/api/v1/requesters/"+one.String()+"/merge", map[string]any{"into_id": other})
}
